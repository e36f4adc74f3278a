import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { schema } from '@kyogikai/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_DOWNLOAD_LEASE_MS } from '../src/certificates/download-certificate';
import {
  certificateRow,
  downloadCertificate,
  makeMember,
  portalSessionCookie,
  type StoredCertificate,
  storeCertificate,
} from './helpers/certificates';
import { startTestStorage } from './helpers/documents';
import { createTestApi, type TestApi } from './helpers/test-api';

type Member = { loginId: string; userId: string; organisationId: string; token: string; cookie: string };

describe('C4 the certificate downloads once: streamed, claimed, counted when complete, isolated, audited', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let member: Member;

  async function applicant(tenant: TestApi['tenantA'], loginId: string): Promise<Member> {
    const created = await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const organisationId = (await api.portal(tenant, token).organisation.get()).id;
    return { loginId, userId: created.id, organisationId, token, cookie: portalSessionCookie(token) };
  }

  /** A fresh member of tenant A with one rendered certificate. */
  async function memberWithCertificate(loginId: string, membershipNumber: string, padBytes = 50_000) {
    const m = await applicant(api.tenantA, loginId);
    await makeMember(api, api.tenantA, m.organisationId, membershipNumber);
    const certificate = await storeCertificate(api, store.storage, api.tenantA, m.organisationId, { membershipNumber, padBytes });
    return { m, certificate };
  }

  const auditOf = (certificateId: string) =>
    api.testDb.owner.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.targetId, certificateId), eq(schema.auditEvents.targetType, 'certificate')))
      .orderBy(schema.auditEvents.occurredAt);

  async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string): Promise<T> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const value = await read();
      if (isDone(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    member = await applicant(api.tenantA, 'cert-one');
    await makeMember(api, api.tenantA, member.organisationId, 'KAIGO-000101');
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  let first: StoredCertificate;

  it('C3 C4 a certificate not rendered yet says it is being prepared (409), and nothing is claimed', async () => {
    const preparing = await storeCertificate(api, store.storage, api.tenantA, member.organisationId, {
      membershipNumber: 'KAIGO-000101',
      isRendered: false,
    });
    const response = await downloadCertificate(api, api.tenantA, member.cookie);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { messageKey: 'certificate.preparing' } });
    expect(await certificateRow(api, preparing.id)).toMatchObject({ state: 'issued', downloadClaimId: null });
    // The worker would now store it; here the fixture replaces the row by a rendered one.
    await api.testDb.owner.db.delete(schema.certificates).where(eq(schema.certificates.id, preparing.id));
    first = await storeCertificate(api, store.storage, api.tenantA, member.organisationId, { membershipNumber: 'KAIGO-000101' });
  });

  it('C4 the member downloads the PDF as an attachment, not cached; it counts as downloaded (when, by whom) and is audited', async () => {
    const response = await downloadCertificate(api, api.tenantA, member.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="______KAIGO-000101_1.pdf"; filename*=UTF-8''${encodeURIComponent('入会証明書_KAIGO-000101_1.pdf')}`,
    );
    // Not yet counted while the body is still on its way.
    expect((await certificateRow(api, first.id)).state).toBe('issued');
    expect(Buffer.from(await response.arrayBuffer()).equals(first.bytes)).toBe(true);
    const row = await certificateRow(api, first.id);
    expect(row).toMatchObject({
      state: 'downloaded',
      downloadedByUserId: member.userId,
      downloadedAt: api.clock.now(),
      downloadClaimId: null,
      downloadClaimedAt: null,
    });
    const audit = await auditOf(first.id);
    expect(audit.map((entry) => entry.action)).toEqual(['certificate.opened', 'certificate.downloaded']);
    expect(audit[0]).toMatchObject({
      actorUserId: member.userId,
      ip: expect.any(String),
      after: { issueNumber: 1, organisationId: member.organisationId },
    });
    expect(audit[1]).toMatchObject({ actorUserId: member.userId, before: { state: 'issued' }, after: { state: 'downloaded' } });
  });

  it('C4 a second download is refused (409) with when and by whom, and its attempt leaves the record untouched', async () => {
    api.clock.advance(60_000);
    const response = await downloadCertificate(api, api.tenantA, member.cookie);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: {
        messageKey: 'certificate.alreadyDownloadedBy',
        messageParams: { downloadedAt: '2026-11-26 09:00', downloadedBy: '申請者 cert-one' },
      },
    });
    expect(await certificateRow(api, first.id)).toMatchObject({ state: 'downloaded', downloadedByUserId: member.userId });
    expect((await api.portal(api.tenantA, member.token).certificate.get()).certificate).toMatchObject({
      stage: 'downloaded',
      downloadedByName: '申請者 cert-one',
    });
  });

  it('C4 a HEAD request (link preview, download manager) does not use up the one download', async () => {
    const { m, certificate } = await memberWithCertificate('cert-head', 'KAIGO-000109');
    const head = await api.app.request(`/t/${api.tenantA.slug}/api/portal/files/certificate`, {
      method: 'HEAD',
      headers: { cookie: m.cookie },
    });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
    expect(await certificateRow(api, certificate.id)).toMatchObject({ state: 'issued', downloadClaimId: null });
    expect(await auditOf(certificate.id)).toEqual([]);
    const response = await downloadCertificate(api, api.tenantA, m.cookie);
    expect(Buffer.from(await response.arrayBuffer()).equals(certificate.bytes)).toBe(true);
  });

  it('C4 five simultaneous requests: one complete file, four refusals (409 downloadInProgress); then it is downloaded', async () => {
    const { m, certificate } = await memberWithCertificate('cert-race', 'KAIGO-000102');
    const responses = await Promise.all(Array.from({ length: 5 }, () => downloadCertificate(api, api.tenantA, m.cookie)));
    const ok = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 409);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const response of refused) expect(await response.json()).toEqual({ error: { messageKey: 'certificate.downloadInProgress' } });
    expect(Buffer.from(await (ok[0] as Response).arrayBuffer()).equals(certificate.bytes)).toBe(true);
    expect((await certificateRow(api, certificate.id)).state).toBe('downloaded');
    expect((await auditOf(certificate.id)).filter((entry) => entry.action === 'certificate.opened')).toHaveLength(1);
  });

  it('C4 a reader that stops mid-body gives the claim back: not downloaded, and the retry gets the whole file', async () => {
    const { m, certificate } = await memberWithCertificate('cert-cancel', 'KAIGO-000103', 2_000_000);
    const response = await downloadCertificate(api, api.tenantA, m.cookie);
    const reader = response.body?.getReader();
    const chunk = await reader?.read();
    expect(chunk?.done).toBe(false);
    await reader?.cancel();
    const released = await waitFor(
      () => certificateRow(api, certificate.id),
      (row) => row.downloadClaimId === null,
      'the claim to be released',
    );
    expect(released.state).toBe('issued');
    expect((await auditOf(certificate.id)).map((entry) => entry.action)).toEqual([
      'certificate.opened',
      'certificate.download_interrupted',
    ]);
    const retry = await downloadCertificate(api, api.tenantA, m.cookie);
    expect(retry.status).toBe(200);
    expect(Buffer.from(await retry.arrayBuffer()).equals(certificate.bytes)).toBe(true);
    expect((await certificateRow(api, certificate.id)).state).toBe('downloaded');
  });

  it('C4 a claim left by a transfer that never ended is refused while fresh and taken over once older than the lease', async () => {
    const { m, certificate } = await memberWithCertificate('cert-stale', 'KAIGO-000104', 2_000_000);
    const hanging = await downloadCertificate(api, api.tenantA, m.cookie);
    const hangingReader = hanging.body?.getReader();
    await hangingReader?.read();
    const claimed = await certificateRow(api, certificate.id);
    expect(claimed.downloadClaimId).not.toBeNull();

    api.clock.advance(CERTIFICATE_DOWNLOAD_LEASE_MS - 1_000);
    const whileFresh = await downloadCertificate(api, api.tenantA, m.cookie);
    expect(whileFresh.status).toBe(409);
    expect(await whileFresh.json()).toEqual({ error: { messageKey: 'certificate.downloadInProgress' } });

    api.clock.advance(2_000);
    const takeover = await downloadCertificate(api, api.tenantA, m.cookie);
    expect(takeover.status).toBe(200);
    expect(Buffer.from(await takeover.arrayBuffer()).equals(certificate.bytes)).toBe(true);
    // The old transfer ending now changes nothing: its claim is no longer the certificate's.
    await hangingReader?.cancel();
    const row = await certificateRow(api, certificate.id);
    expect(row).toMatchObject({ state: 'downloaded', downloadClaimId: null, downloadedByUserId: m.userId });
    const opened = (await auditOf(certificate.id)).filter((entry) => entry.action === 'certificate.opened');
    expect(opened).toHaveLength(2);
    expect(opened[1]?.after).toMatchObject({ takenOverClaimId: claimed.downloadClaimId });
  });

  it('C4 over a real HTTP server: a client that disconnects mid-body can retry; a complete transfer is counted after the last byte', async () => {
    const { m, certificate } = await memberWithCertificate('cert-socket', 'KAIGO-000105', 8_000_000);
    const server = serve({ fetch: api.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const path = `/t/${api.tenantA.slug}/api/portal/files/certificate`;
    try {
      // Reads the status and one chunk, then drops the connection.
      await new Promise<void>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path, headers: { cookie: m.cookie } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error)));
      });
      const released = await waitFor(
        () => certificateRow(api, certificate.id),
        (row) => row.downloadClaimId === null,
        'the broken transfer to release its claim',
      );
      expect(released.state).toBe('issued');

      const whole = await new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, headers: { cookie: m.cookie } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
      expect(whole.status).toBe(200);
      expect(whole.body.equals(certificate.bytes)).toBe(true);
      const downloaded = await waitFor(
        () => certificateRow(api, certificate.id),
        (row) => row.state === 'downloaded',
        'the completed transfer to be recorded',
      );
      expect(downloaded).toMatchObject({ downloadedByUserId: m.userId, downloadClaimId: null });
      expect((await auditOf(certificate.id)).map((entry) => entry.action)).toEqual([
        'certificate.opened',
        'certificate.download_interrupted',
        'certificate.opened',
        'certificate.downloaded',
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('C4 G7 a delegate (登録支援機関), a viewer and staff are refused; the certificate stays untouched', async () => {
    const { m, certificate } = await memberWithCertificate('cert-roles', 'KAIGO-000106');
    const o = schema.organisationMemberships;
    for (const [loginId, role] of [
      ['cert-delegate', 'support_organisation'],
      ['cert-viewer', 'viewer'],
    ] as const) {
      const other = await applicant(api.tenantA, loginId);
      await api.testDb.owner.db
        .insert(o)
        .values({ tenantId: api.tenantA.id, organisationId: m.organisationId, userId: other.userId, role, grantedByUserId: m.userId });
      await api.portal(api.tenantA, other.token).organisation.switch({ organisationId: m.organisationId });
      const response = await downloadCertificate(api, api.tenantA, other.cookie);
      expect(response.status, role).toBe(403);
      expect(await response.json()).toEqual({
        error: { messageKey: 'organisation.permissionMissing', messageParams: { permission: 'download_certificate' } },
      });
      // They see the section, without the button.
      expect(await api.portal(api.tenantA, other.token).certificate.get()).toMatchObject({ canDownload: false, canRequestReissue: false });
    }
    await api.staff(api.tenantA, 'secretariat');
    const staffToken = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
    expect((await downloadCertificate(api, api.tenantA, `kyogikai-admin-session=${staffToken}`)).status).toBe(401);
    expect((await downloadCertificate(api, api.tenantA, '')).status).toBe(401);
    expect(await certificateRow(api, certificate.id)).toMatchObject({ state: 'issued', downloadClaimId: null });
    expect(await auditOf(certificate.id)).toEqual([]);
  });

  it('C4 G2 another organisation or another tenant can never reach the certificate', async () => {
    const { certificate } = await memberWithCertificate('cert-victim', 'KAIGO-000107');
    const sameTenant = await applicant(api.tenantA, 'cert-neighbour');
    const otherTenant = await applicant(api.tenantB, 'cert-foreign');
    const neighbour = await downloadCertificate(api, api.tenantA, sameTenant.cookie);
    expect(neighbour.status).toBe(404);
    expect(await neighbour.json()).toEqual({ error: { messageKey: 'certificate.notFound' } });
    // A session of tenant B is unknown on tenant A; on its own tenant there is no certificate.
    expect((await downloadCertificate(api, api.tenantA, otherTenant.cookie)).status).toBe(401);
    expect((await downloadCertificate(api, api.tenantB, otherTenant.cookie)).status).toBe(404);
    expect(await api.portal(api.tenantA, sameTenant.token).certificate.get()).toMatchObject({ certificate: null, canDownload: false });
    expect(await certificateRow(api, certificate.id)).toMatchObject({ state: 'issued', downloadClaimId: null });
    const states = await api.testDb.owner.db
      .select({ state: schema.certificates.state })
      .from(schema.certificates)
      .where(inArray(schema.certificates.id, [certificate.id]));
    expect(states).toEqual([{ state: 'issued' }]);
  });

  it('C4 an object the store cannot deliver fails the request and releases the claim, so the member can retry later', async () => {
    const { m, certificate } = await memberWithCertificate('cert-lost', 'KAIGO-000108');
    await store.storage.delete(certificate.objectKey);
    const response = await downloadCertificate(api, api.tenantA, m.cookie);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { messageKey: 'common.internal' } });
    expect(await certificateRow(api, certificate.id)).toMatchObject({ state: 'issued', downloadClaimId: null });
  });
});
