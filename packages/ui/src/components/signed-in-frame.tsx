import { type MouseEvent, type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../i18n/create-i18n';
import { apiErrorKey, formErrorsFromApiError } from '../lib/form-errors';
import { AppLayout, type TenantBranding } from './app-layout';
import { broadcastSignedOut, IdleTimeoutGuard, type IdleTimeoutGuardProps, type SessionEndReason } from './idle-timeout-guard';

/**
 * Sign-out as both apps do it: ask the server, tell the other tabs, then leave the signed-in state
 * locally. A session the server already forgot is the outcome the user wanted, not an error.
 */
export function useSignOutFlow(options: {
  requestSignOut: () => Promise<unknown>;
  channelName: string;
  leave: (reason: SessionEndReason) => void;
}) {
  const { requestSignOut, channelName, leave } = options;
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);
  const signOut = useCallback(async () => {
    setError(null);
    setPending(true);
    try {
      await requestSignOut();
    } catch (caught) {
      if (apiErrorKey(caught) !== 'common.unauthorized') {
        setError(caught);
        return;
      }
    } finally {
      setPending(false);
    }
    broadcastSignedOut(channelName);
    leave('signed-out');
  }, [requestSignOut, channelName, leave]);
  return { signOut, isPending, error };
}

export interface SignedInFrameProps {
  tenant: TenantBranding | undefined;
  appName: string;
  homeHref: string;
  onHomeClick: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** Null or undefined when nobody is signed in (no user area, no idle guard). */
  user: { displayName: string } | null | undefined;
  /** Shown before the user's name while signed in (the portal's organisation switcher, SPEC G7). */
  userAreaStart?: ReactNode;
  signOut: { run: () => void; isPending: boolean; error: unknown };
  /** The idle-timeout guard's wiring to the app's own API client (SPEC A6, G4). */
  idle: Omit<IdleTimeoutGuardProps, 'onSignOutRequested'>;
  children: ReactNode;
}

/**
 * The frame of every page of the portal and the admin console: the shared layout, the signed-in
 * user's name with 「ログアウト」, a banner when sign-out failed, and the idle-timeout guard while
 * signed in. Each app only wires its own API client and router to it.
 */
export function SignedInFrame({
  tenant,
  appName,
  homeHref,
  onHomeClick,
  user,
  userAreaStart,
  signOut,
  idle,
  children,
}: SignedInFrameProps) {
  const { t, i18n } = useTranslation();
  const signOutSummary = signOut.error ? formErrorsFromApiError(signOut.error).summary : null;
  return (
    <AppLayout
      tenant={tenant}
      appName={appName}
      homeHref={homeHref}
      onHomeClick={onHomeClick}
      banner={
        signOutSummary ? (
          <div className="k-error-summary" role="alert">
            <p>{translateMessage(t, i18n, signOutSummary)}</p>
          </div>
        ) : null
      }
      userArea={
        user ? (
          <>
            {userAreaStart}
            <span>{t('layout.signedInAs', { name: user.displayName })}</span>
            <button
              type="button"
              className="k-button k-button--secondary k-button--small"
              onClick={signOut.run}
              aria-disabled={signOut.isPending || undefined}
            >
              {t('auth.signOut')}
            </button>
          </>
        ) : undefined
      }
    >
      {user ? <IdleTimeoutGuard {...idle} onSignOutRequested={signOut.run} /> : null}
      {children}
    </AppLayout>
  );
}
