import { AppLayout, formErrorsFromApiError, IdleTimeoutGuard, translateMessage, useFocusHeadingOnNavigation } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useLeaveSession, useSignOut } from '../features/session/use-session';
import { activityTracker, appLocation, sessionChannel } from '../lib/platform';
import { trpc } from '../lib/trpc';
import { useTenant } from '../lib/use-tenant';

/** The frame of every portal page; while signed in it also runs the idle-timeout guard (SPEC A6). */
export function RootLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const tenant = useTenant();
  const me = useCurrentUser();
  const utils = trpc.useUtils();
  const leave = useLeaveSession();
  const { signOut, isPending: isSigningOut, error: signOutError } = useSignOut();
  useFocusHeadingOnNavigation(location.key);

  const user = me.data?.user;
  const signOutSummary = signOutError ? formErrorsFromApiError(signOutError).summary : null;
  return (
    <AppLayout
      tenant={tenant.data}
      appName={t('app.name')}
      homeHref={appLocation.basename === '/' ? '/' : `${appLocation.basename}/`}
      onHomeClick={(event) => {
        event.preventDefault();
        void navigate('/');
      }}
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
            <span>{t('layout.signedInAs', { name: user.displayName })}</span>
            <button
              type="button"
              className="k-button k-button--secondary k-button--small"
              onClick={() => void signOut()}
              aria-disabled={isSigningOut || undefined}
            >
              {t('auth.signOut')}
            </button>
          </>
        ) : undefined
      }
    >
      {user ? (
        <IdleTimeoutGuard
          channelName={sessionChannel}
          tracker={activityTracker}
          fetchStatus={() => utils.client.session.status.query(undefined, { context: { background: true } })}
          extend={() => utils.client.session.extend.mutate()}
          onSignOutRequested={() => void signOut()}
          onSessionEnded={leave}
        />
      ) : null}
      <Outlet />
    </AppLayout>
  );
}
