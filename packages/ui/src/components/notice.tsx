import type { ReactNode } from 'react';

/** A calm status message (e.g. 「ログアウトしました。」), announced politely when it appears. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success'; children: ReactNode }) {
  return (
    <div className={tone === 'success' ? 'k-notice k-notice--success' : 'k-notice'} role="status">
      <p>{children}</p>
    </div>
  );
}
