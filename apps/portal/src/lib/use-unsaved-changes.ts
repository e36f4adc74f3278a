import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * SPEC A6/B3: leaving a page with changes that are not saved asks first — inside the app (the
 * router's blocker; the caller shows the question while `blocker.state === 'blocked'`) and when
 * the tab is closed or reloaded (the browser's own beforeunload prompt). Being sent to the
 * sign-in page (signed out, idle timeout) is never blocked: the session is already gone.
 */
export function useUnsavedChangesGuard(hasUnsavedChanges: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      hasUnsavedChanges && currentLocation.pathname !== nextLocation.pathname && nextLocation.pathname !== '/sign-in',
  );

  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasUnsavedChanges]);

  // Saved meanwhile (or changes undone): let a blocked navigation wait no longer.
  useEffect(() => {
    if (blocker.state === 'blocked' && !hasUnsavedChanges) blocker.reset();
  }, [blocker, hasUnsavedChanges]);

  return blocker;
}
