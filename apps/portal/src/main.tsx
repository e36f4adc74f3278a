import '@kyogikai/ui/styles.css';
import { apiErrorKey } from '@kyogikai/ui';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { i18n } from './i18n';
import { appLocation, trpcTransport } from './lib/platform';
import { createPortalTrpcClient, trpc } from './lib/trpc';
import { AcceptInvitationPage } from './routes/accept-invitation';
import { ActivatePage } from './routes/activate';
import { ApplicationReviewPage } from './routes/application-review';
import { ApplicationSubmittedPage } from './routes/application-submitted';
import { CertificateReissuePage } from './routes/certificate-reissue';
import { ChangePasswordPage } from './routes/change-password';
import { MailSentPage } from './routes/mail-sent';
import { MemberDirectoryPage } from './routes/member-directory';
import { MemberEstablishmentsPage } from './routes/member-establishments';
import { MemberWorkerPage } from './routes/member-worker';
import { MemberWorkerAdditionPage } from './routes/member-worker-addition';
import { MembershipDetailsPage } from './routes/membership-details';
import { MyPage } from './routes/my-page';
import { NotFoundPage } from './routes/not-found';
import { OrganisationDocumentsPage } from './routes/organisation-documents';
import { OrganisationUsersPage } from './routes/organisation-users';
import { PasswordResetPage, PasswordResetSentPage } from './routes/password-reset';
import { ProvisionalAccountPage } from './routes/provisional-account';
import { ResendActivationPage } from './routes/resend-activation';
import { RootLayout } from './routes/root-layout';
import { SignInPage } from './routes/sign-in';
import { Step1Page } from './routes/step1';
import { VerifyCertificatePage } from './routes/verify-certificate';
import { WithdrawalPage } from './routes/withdrawal';
import { WorkerPage } from './routes/worker';

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
const trpcClient = createPortalTrpcClient(appLocation.trpcUrl, trpcTransport);

const router = createBrowserRouter(
  [
    {
      element: <RootLayout />,
      children: [
        { index: true, element: <MyPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'account/new', element: <ProvisionalAccountPage /> },
        { path: 'account/new/sent', element: <MailSentPage /> },
        { path: 'account/resend', element: <ResendActivationPage /> },
        { path: 'activate', element: <ActivatePage /> },
        { path: 'password-reset', element: <PasswordResetPage /> },
        { path: 'password-reset/sent', element: <PasswordResetSentPage /> },
        { path: 'account/password', element: <ChangePasswordPage /> },
        { path: 'application/step1', element: <Step1Page /> },
        // 'new' or a worker's id.
        { path: 'application/workers/:workerId', element: <WorkerPage /> },
        { path: 'application/documents', element: <OrganisationDocumentsPage /> },
        { path: 'application/review', element: <ApplicationReviewPage /> },
        { path: 'application/submitted', element: <ApplicationSubmittedPage /> },
        { path: 'certificate/reissue', element: <CertificateReissuePage /> },
        { path: 'membership/withdraw', element: <WithdrawalPage /> },
        { path: 'membership/details', element: <MembershipDetailsPage /> },
        // SPEC D2-D4 after joining: 「特定技能外国人の追加」, a registered worker, ◆受入れ事業所情報.
        { path: 'members/workers/new', element: <MemberWorkerAdditionPage /> },
        { path: 'members/workers/additions/:itemId', element: <MemberWorkerAdditionPage /> },
        { path: 'members/workers/:workerId', element: <MemberWorkerPage /> },
        { path: 'members/establishments', element: <MemberEstablishmentsPage /> },
        // SPEC G7: 利用者の管理, and the link of the invitation mail (public: the invitee may have no account).
        { path: 'organisation/users', element: <OrganisationUsersPage /> },
        { path: 'accept-invitation', element: <AcceptInvitationPage /> },
        // Public: the link and QR code printed on a certificate (ADR 019).
        { path: 'verify', element: <VerifyCertificatePage /> },
        { path: 'verify/:code', element: <VerifyCertificatePage /> },
        // Public: the council's member directory (SPEC G8).
        { path: 'members', element: <MemberDirectoryPage /> },
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
