import '@kyogikai/ui/styles.css';
import './admin.css';
import { apiErrorKey } from '@kyogikai/ui';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { i18n } from './i18n';
import { appLocation, trpcTransport } from './lib/platform';
import { createAdminTrpcClient, trpc } from './lib/trpc';
import { ApplicationDetailPage } from './routes/application-detail';
import { ApplicationsPage } from './routes/applications';
import { DashboardPage } from './routes/dashboard';
import { FailedMailPage } from './routes/failed-mail';
import { NotFoundPage } from './routes/not-found';
import { ReissueRequestsPage } from './routes/reissue-requests';
import { ChangeRequestDetailPage } from './routes/change-request-detail';
import { ChangeRequestsPage } from './routes/change-requests';
import { RootLayout } from './routes/root-layout';
import { SignInPage } from './routes/sign-in';
import { StaffPage } from './routes/staff';

const SESSION_GONE = new Set(['common.unauthorized', 'auth.sessionExpired']);

function onApiError(error: unknown) {
  // A call refused because the session is gone: re-read who is signed in so the signed-in pages
  // send the user to the sign-in page instead of showing a broken screen.
  if (SESSION_GONE.has(apiErrorKey(error) ?? '')) void queryClient.invalidateQueries({ queryKey: [['session', 'me']] });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Refetches the user did not ask for must not look like activity, and most would be wasted.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // Retry only failures without an API answer (network); an answered error will not change.
      retry: (failureCount, error) => apiErrorKey(error) === null && failureCount < 2,
    },
  },
});
const trpcClient = createAdminTrpcClient(appLocation.trpcUrl, trpcTransport);

const router = createBrowserRouter(
  [
    {
      element: <RootLayout />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'staff', element: <StaffPage /> },
        { path: 'applications', element: <ApplicationsPage /> },
        { path: 'reissue-requests', element: <ReissueRequestsPage /> },
        { path: 'change-requests', element: <ChangeRequestsPage /> },
        { path: 'change-requests/:id', element: <ChangeRequestDetailPage /> },
        { path: 'failed-mail', element: <FailedMailPage /> },
        { path: 'applications/:applicationId', element: <ApplicationDetailPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: appLocation.basename },
);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <trpc.Provider client={trpcClient} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </trpc.Provider>
    </I18nextProvider>
  </StrictMode>,
);
