import { schema, type TenantRecord, type TOutboxMailPayload, withTenant } from '@kyogikai/db';
import { CONSENT_DOCUMENT_KEYS, type TProvisionalAccountRequestInput } from '@kyogikai/domain';
import { portalCaller } from './callers';
import type { TestApi } from './test-api';

export const APPLICANT_PASSWORD = 'sakura2026';

/** The versions the tenant publishes now, as the sign-up page would send them. */
export function currentConsents(tenant: TenantRecord): TProvisionalAccountRequestInput['consents'] {
  const versions = Object.fromEntries(tenant.config.consentDocuments.map((doc) => [doc.key, doc.version]));
  return Object.fromEntries(CONSENT_DOCUMENT_KEYS.map((key) => [key, versions[key] ?? ''])) as TProvisionalAccountRequestInput['consents'];
}

let counter = 0;

/** A complete 「入会申請のための仮アカウント発行申請」 form for a fresh address. */
export function signUpForm(
  tenant: TenantRecord,
  overrides: Partial<TProvisionalAccountRequestInput> = {},
): TProvisionalAccountRequestInput {
  counter += 1;
  const email = overrides.email ?? `applicant-${counter}-${Math.random().toString(36).slice(2, 8)}@example.jp`;
  return {
    corporateName: '社会福祉法人さくら会',
    contactName: '佐藤 花子',
    email,
    emailConfirmation: email,
    phone: '03-1234-5678',
    password: APPLICANT_PASSWORD,
    passwordConfirmation: APPLICANT_PASSWORD,
    consents: currentConsents(tenant),
    ...overrides,
  };
}

/** Mail the outbox holds for `to` in the tenant, oldest first (read as the app role, so row-level security limits it to the tenant). */
export async function mailsTo(api: TestApi, tenant: TenantRecord, to: string): Promise<TOutboxMailPayload[]> {
  const rows = await withTenant(api.testDb.app, tenant.id, (tx) => tx.select().from(schema.outboxMessages));
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((row) => row.payload as TOutboxMailPayload)
    .filter((payload) => payload.to === to);
}

export function tokenOf(url: unknown): string {
  const token = new URL(String(url)).searchParams.get('token');
  if (!token) throw new Error(`no token in ${String(url)}`);
  return token;
}

/** Signs up with a fresh address and returns what the activation mail says. */
export async function signUp(
  api: TestApi,
  tenant: TenantRecord,
  clientAddress: string,
  overrides: Partial<TProvisionalAccountRequestInput> = {},
) {
  const form = signUpForm(tenant, overrides);
  await api.portal(tenant, null, { clientAddress }).account.requestProvisional(form);
  const [mail] = await mailsTo(api, tenant, form.email);
  if (mail?.template !== 'account-activation') throw new Error('no activation mail');
  const props = mail.props as { loginId: string; activationUrl: string; expiresAt: string };
  return { form, mail, loginId: props.loginId, activationUrl: props.activationUrl, token: tokenOf(props.activationUrl) };
}

/** Activates through the procedure and returns the session token the cookie would carry. */
export async function activate(api: TestApi, tenant: TenantRecord, input: { token: string; loginId: string; password?: string }) {
  const { ctx, cookieJar } = api.contextFor(tenant, 'portal', null, { clientAddress: '203.0.113.200' });
  const result = await portalCaller(ctx).account.activate({ password: APPLICANT_PASSWORD, ...input });
  if (!cookieJar.token) throw new Error('activation set no session cookie');
  return { ...result, sessionToken: cookieJar.token };
}

/**
 * The input-schema issues of a refused call, as [path, message key] (through a caller, the
 * TRPCError's cause is the ZodError; over HTTP the formatter turns it into `fieldErrors`).
 */
export async function inputIssues(call: Promise<unknown>): Promise<{ code: string; issues: [string, string][] }> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (caught: unknown) => caught as { code: string; cause?: { issues?: { path: PropertyKey[]; message: string }[] } },
  );
  return { code: error.code, issues: (error.cause?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message]) };
}
