import type { TEmailBranding } from '@kyogikai/email';
import type { TJobLogger, TMailJob, TMailQueueConfig } from '@kyogikai/jobs';
import { MAIL_QUEUE_CONFIG } from '@kyogikai/jobs';

export const TENANT_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

export const testBranding: TEmailBranding = {
  tenantName: { ja: 'もみじ農業分野協議会', en: 'Momiji Agriculture Council' },
  publicOrigin: 'https://momiji.example.jp',
  mailSender: { name: 'もみじ協議会 事務局', address: 'no-reply@momiji.example.jp' },
  secretariatContact: {
    name: 'もみじ協議会 事務局',
    email: 'office@momiji.example.jp',
    phone: '011-222-3333',
    hours: '平日 9:30〜17:30',
  },
};

export const SIGN_IN_URL = 'https://momiji.example.jp/admin/sign-in';
export const EXPECTED_SUBJECT = '【もみじ農業分野協議会】管理画面のアカウントが作成されました';

export function staffAccountCreatedJob(overrides: Partial<TMailJob> = {}): TMailJob {
  return {
    tenantId: TENANT_ID,
    messageId: 'staff-account-created.u-0001',
    to: 'taro.suzuki@example.com',
    template: 'staff-account-created',
    props: { recipientName: '鈴木 太郎', loginEmail: 'taro.suzuki@example.com', signInUrl: SIGN_IN_URL },
    ...overrides,
  };
}

/** Production settings with a backoff short enough for a test (first retry after 100 ms). */
export const fastMailQueueConfig: TMailQueueConfig = {
  ...MAIL_QUEUE_CONFIG,
  attempts: 3,
  backoff: { delayMs: 100, jitter: 0 },
  workerCloseGraceMs: 5_000,
};

export const quietLogger: TJobLogger = { info: () => {}, warn: () => {}, error: () => {} };
