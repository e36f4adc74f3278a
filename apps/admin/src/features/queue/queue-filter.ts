import { APPLICATION_QUEUE_STATES, type TApplicationQueueState } from '@kyogikai/domain';
import { useSearchParams } from 'react-router';

export type TQueueTab = TApplicationQueueState | 'open' | 'all';
export const QUEUE_TABS: readonly TQueueTab[] = ['open', ...APPLICATION_QUEUE_STATES, 'all'];

/** The queue's filter lives in the address (?state=…&q=…), so a filtered list can be bookmarked and shared. */
export function useQueueFilter() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const tab: TQueueTab = QUEUE_TABS.includes(raw as TQueueTab) ? (raw as TQueueTab) : 'open';
  const q = params.get('q') ?? '';
  return { tab, q, setParams };
}

/** The query string of a tab and search, for links and the CSV export. */
export function queueSearch(tab: TQueueTab, q: string): string {
  const params = new URLSearchParams();
  if (tab !== 'open') params.set('state', tab);
  if (q) params.set('q', q);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's filter: 'all' is no state filter. */
export function apiState(tab: TQueueTab): TApplicationQueueState | 'open' | undefined {
  return tab === 'all' ? undefined : tab;
}
