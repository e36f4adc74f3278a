import { schema } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFICATION_LOOKUP_ALLOWANCE } from '../src/certificates/verify-certificate';
import {
  hashVerificationCode,
  isWellFormedVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
  verificationUrl,
} from '../src/certificates/verification-url';
import { makeMember, storeCertificate, type StoredCertificate } from './helpers/certificates';
import { startTestStorage } from './helpers/documents';
import { createTestApi, type TestApi } from './helpers/test-api';

describe('C3 public certificate verification: status, council and corporation only; rate-limited; unknown = malformed', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let valid: StoredCertificate;
  let superseded: StoredCertificate;
  let revoked: StoredCertificate;
  let otherTenant: StoredCertificate;
  let address = 0;
  /** Each test asks from its own address, so the allowance of one does not spill into another. */
  const anyone = () => {
    address += 1;
    return api.portal(api.tenantA, null, { clientAddress: `198.51.100.${address}` });
  };

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    const a = await api.applicant(api.tenantA, 'verify-a');
    const token = await api.signIn(api.tenantA, 'portal', 'verify-a');
    const organisationId = (await api.portal(api.tenantA, token).organisation.get()).id;
    await makeMember(api, api.tenantA, organisationId, 'KAIGO-000301');
    superseded = await storeCertificate(api, store.storage, api.tenantA, organisationId, {
      membershipNumber: 'KAIGO-000301',
      corporateName: '社会福祉法人 髙﨑会',
    });
    const c = schema.certificates;
    await api.testDb.owner.db.update(c).set({ state: 'superseded', supersededAt: new Date() }).where(eq(c.id, superseded.id));
    valid = await storeCertificate(api, store.storage, api.tenantA, organisationId, {
      membershipNumber: 'KAIGO-000301',
      issueNumber: 2,
      corporateName: '社会福祉法人 髙﨑会',
    });
    const b = await api.applicant(api.tenantA, 'verify-b');
    const tokenB = await api.signIn(api.tenantA, 'portal', 'verify-b');
    const organisationB = (await api.portal(api.tenantA, tokenB).organisation.get()).id;
    await makeMember(api, api.tenantA, organisationB, 'KAIGO-000302');
    revoked = await storeCertificate(api, store.storage, api.tenantA, organisationB, { membershipNumber: 'KAIGO-000302' });
    await api.testDb.owner.db.update(c).set({ state: 'revoked', revokedAt: new Date() }).where(eq(c.id, revoked.id));
    await api.applicant(api.tenantB, 'verify-foreign');
    const tokenF = await api.signIn(api.tenantB, 'portal', 'verify-foreign');
    const organisationF = (await api.portal(api.tenantB, tokenF).organisation.get()).id;
    await makeMember(api, api.tenantB, organisationF, 'KAIGO-000303');
    otherTenant = await storeCertificate(api, store.storage, api.tenantB, organisationF, { membershipNumber: 'KAIGO-000303' });
    expect([a.id, b.id]).toHaveLength(2);
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('C3 the printed link is <tenant origin>/verify/<code>; codes carry 160 random bits as 32 base32 characters', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[A-Z2-7]{32}$/);
    expect(newVerificationCode()).not.toBe(code);
    expect(verificationUrl({ publicOrigin: 'https://kaigo.example.jp/' }, code)).toBe(`https://kaigo.example.jp/verify/${code}`);
    expect(verificationUrl({ publicOrigin: 'http://localhost:3000/t/kaigo' }, code)).toBe(`http://localhost:3000/t/kaigo/verify/${code}`);
    // What a person types from the paper is the same code: grouped, lower case, full width.
    const grouped = code.match(/.{4}/g)?.join('-') ?? '';
    const fullWidth = code.toLowerCase().replace(/[a-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    for (const typed of [grouped, ` ${code.toLowerCase()} `, fullWidth]) {
      expect(normaliseVerificationCode(typed)).toBe(code);
      expect(hashVerificationCode(typed)).toBe(hashVerificationCode(code));
    }
    expect(hashVerificationCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(isWellFormedVerificationCode('ABC')).toBe(false);
  });

  it('C3 E1 anyone without a session learns valid / superseded / revoked with the council and corporation name only', async () => {
    const answer = await anyone().certificate.verify({ code: valid.code });
    expect(answer).toEqual({
      status: 'valid',
      councilName: { ja: api.tenantA.nameJa, en: api.tenantA.nameEn },
      corporateName: '社会福祉法人 髙﨑会',
      issueNumber: 2,
      issuedAt: expect.any(Date),
    });
    expect(JSON.stringify(answer)).not.toMatch(/中央区|銀座|理事長|太郎|KAIGO-000301|1040061/);
    expect(await anyone().certificate.verify({ code: superseded.code })).toMatchObject({ status: 'superseded', issueNumber: 1 });
    expect(await anyone().certificate.verify({ code: revoked.code })).toMatchObject({ status: 'revoked' });
    // As a person would type it from the paper.
    expect(await anyone().certificate.verify({ code: valid.code.toLowerCase().match(/.{4}/g)?.join(' ') ?? '' })).toMatchObject({
      status: 'valid',
    });
  });

  it('C3 unknown, malformed and other tenants’ codes get one and the same answer', async () => {
    const answers = await Promise.all(
      [newVerificationCode(), 'not-a-code', '', '<script>', 'A'.repeat(512), otherTenant.code].map((code) =>
        anyone().certificate.verify({ code }),
      ),
    );
    for (const answer of answers) expect(answer).toEqual({ status: 'unknown' });
    // On its own tenant the other tenant's code is valid.
    expect(await api.portal(api.tenantB, null).certificate.verify({ code: otherTenant.code })).toMatchObject({ status: 'valid' });
  });

  it('C3 lookups are limited per client address (60 an hour): the 61st is refused, other addresses are not, and the window ends', async () => {
    const clientAddress = '203.0.113.77';
    const caller = api.portal(api.tenantA, null, { clientAddress });
    for (let lookup = 0; lookup < VERIFICATION_LOOKUP_ALLOWANCE.limit; lookup += 1) {
      await caller.certificate.verify({ code: lookup % 2 === 0 ? valid.code : newVerificationCode() });
    }
    await expect(caller.certificate.verify({ code: valid.code })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'verify.throttled',
    });
    expect(await anyone().certificate.verify({ code: valid.code })).toMatchObject({ status: 'valid' });
    api.clock.advance(VERIFICATION_LOOKUP_ALLOWANCE.windowMs + 1);
    expect(await caller.certificate.verify({ code: valid.code })).toMatchObject({ status: 'valid' });
  });

  it('C3 the verification page is served by the portal SPA at /verify/<code> without a session', async () => {
    const response = await api.app.request(`/t/${api.tenantA.slug}/verify/${valid.code}`);
    // The test API has no built SPA: the route reaches the portal's index handler (503 "not built").
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('not built');
  });
});
