import { SignedInFrame, useFocusHeadingOnNavigation } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { OrganisationSwitcher } from '../features/delegation/organisation-switcher';
import { useCurrentUser, useLeaveSession, useSignOut } from '../features/session/use-session';
import { activityTracker, appLocation, sessionChannel } from '../lib/platform';
import { trpc } from '../lib/trpc';
import { useTenant } from '../lib/use-tenant';

/** The frame of every portal page (shared SignedInFrame), wired to this app's API and router (SPEC A6). */
export function RootLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const tenant = useTenant();
  const me = useCurrentUser();
  const utils = trpc.useUtils();
  const leave = useLeaveSession();
  const { signOut, isPending, error } = useSignOut();
  useFocusHeadingOnNavigation(location.key);

  return (
    <SignedInFrame
      tenant={tenant.data}
      appName={t('app.name')}
      homeHref={appLocation.basename === '/' ? '/' : `${appLocation.basename}/`}
      onHomeClick={(event) => {
        event.preventDefault();
        void navigate('/');
      }}
      user={me.data?.user}
      userAreaStart={me.data?.user.role === 'applicant' ? <OrganisationSwitcher /> : null}
      signOut={{ run: () => void signOut(), isPending, error }}
      idle={{
        channelName: sessionChannel,
        tracker: activityTracker,
        fetchStatus: () => utils.client.session.status.query(undefined, { context: { background: true } }),
        extend: () => utils.client.session.extend.mutate(),
        onSessionEnded: leave,
      }}
    >
      <Outlet />
    </SignedInFrame>
  );
}
