import { type ReactNode, useEffect, useRef } from 'react';

/** Sets `document.title` to 「<page> | <site>」 so tabs and history say where the user is. */
export function useDocumentTitle(pageTitle: string, siteName: string | undefined): void {
  useEffect(() => {
    document.title = siteName ? `${pageTitle} | ${siteName}` : pageTitle;
  }, [pageTitle, siteName]);
}

/**
 * After a client-side navigation, move focus to the new page's heading so screen readers announce
 * it (a full page load does this by itself, so the first render is left alone).
 */
export function useFocusHeadingOnNavigation(locationKey: string): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== locationKey) {
      const heading = document.querySelector<HTMLElement>('#main h1');
      heading?.focus();
    }
    previous.current = locationKey;
  }, [locationKey]);
}

export function PageHeading({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
