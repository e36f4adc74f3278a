import type { ReactNode, Ref } from 'react';

export interface CardSectionProps {
  /** The heading's id: the section is named by it (and WorkerDocuments etc. refer to it). */
  headingId: string;
  /** The manual's heading, e.g. ◆受入れ事業所情報. */
  title: ReactNode;
  /** For a screen that moves focus to the heading (it then takes focus from script, not by Tab). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}

/**
 * A card of a form screen (◆受入れ事業所情報, ◆特定技能外国人情報, the documents …): a <section> named
 * by its <h2>, so screen readers list it as a region with the manual's heading. The STEP2 screen
 * and the worker screens after joining (SPEC B4, D2-D4) are built of the same cards.
 */
export function CardSection({ headingId, title, headingRef, children }: CardSectionProps) {
  return (
    <section className="k-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="k-card__title" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </h2>
      {children}
    </section>
  );
}
