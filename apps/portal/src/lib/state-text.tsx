import type { ReactNode } from 'react';

const MARKS = { done: '✓', todo: '－', attention: '！' } as const;

/**
 * A state said in words with a mark beside it (done / to do): the mark and the colour only
 * repeat what the words say (WCAG 1.4.1). The words are an element of their own.
 */
export function StateText({ tone, children }: { tone: keyof typeof MARKS; children: ReactNode }) {
  return (
    <span className={tone === 'done' ? 'k-state k-state--done' : 'k-state k-state--todo'}>
      <span aria-hidden="true">{MARKS[tone]} </span>
      <span>{children}</span>
    </span>
  );
}
