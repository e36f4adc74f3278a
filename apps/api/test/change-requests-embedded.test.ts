import { schema, unsafeFindTenantBySlug, withTenant } from '@kyogikai/db';
import { pdfText } from '@kyogikai/worker/test-support/poppler';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applyChangeRequestTransition } from '../src/change-requests/apply-transition';
import { saveChangeDraft } from '../src/change-requests/save-change-draft';
import { listCapturedMail } from '../src/mail/mail-catcher';
import { approve, memberOrganisation, readObject, staffUser, until } from './certificate-fixtures';
import { useEmbeddedServices } from './helpers/embedded-services';

// `npm start` (embedded mode: PGlite, in-process S3, inline queues) runs the change flow too: the
// draft, a submission whose D5 part applies at once, the secretariat's approval of the D1 part and
// the new certificate rendered with the new name, the mails in the development mailbox (ADR 023).

const embedded = useEmbeddedServices('change', '39873');

describe('change requests in embedded mode (npm start)', () => {
  it('D1 D5 D6 draft → submit (D5 at once) → approval → a new certificate with the new name, mails in the mailbox', async () => {
    const found = await unsafeFindTenantBySlug(embedded.services.database, 'kaigo');
    if (!found) throw new Error('no kaigo demo tenant');
    const tenant = { ...found, config: { ...found.config, approvalSteps: 'secretariat' as const } };
    const staffId = await staffUser(embedded.services.database, tenant.id);
    const member = await memberOrganisation(embedded.services.database, tenant.id);
    await approve(embedded.services.database, tenant, member.organisationId, staffId);
    const tenantUrl = (p: string) => `http://localhost:39873/t/kaigo${p}`;
    const common = { tenant, clientAddress: '127.0.0.1', tenantUrl };
    const permissions = new Set(['view', 'edit', 'submit'] as const);

    const draft = await withTenant(embedded.services.database, tenant.id, (tx) =>
      saveChangeDraft(tx, {
        ...common,
        organisationId: member.organisationId,
        userId: staffId,
        permissions,
        now: new Date(),
        draftVersion: null,
        values: { corporateName: '株式会社新髙﨑商事', contactPhone: '03-4444-5555' },
      }),
    );
    const submitted = await withTenant(embedded.services.database, tenant.id, (tx) =>
      applyChangeRequestTransition(tx, {
        ...common,
        actor: { kind: 'applicant', userId: staffId, organisationId: member.organisationId, permissions },
        now: new Date(),
        changeRequestId: draft.id,
        version: draft.version,
        event: { type: 'submit' },
        submission: { content: '法人名と電話番号', reason: '商号変更' },
      }),
    );
    const staff = { kind: 'staff' as const, userId: staffId, role: 'secretariat' as const };
    const started = await withTenant(embedded.services.database, tenant.id, (tx) =>
      applyChangeRequestTransition(tx, {
        ...common,
        actor: staff,
        now: new Date(),
        changeRequestId: draft.id,
        version: submitted.version,
        event: { type: 'start_review' },
      }),
    );
    const approved = await withTenant(embedded.services.database, tenant.id, (tx) =>
      applyChangeRequestTransition(tx, {
        ...common,
        actor: staff,
        now: new Date(),
        changeRequestId: draft.id,
        version: started.version,
        event: { type: 'complete_review' },
      }),
    );
    expect(approved.to).toBe('approved');
    const certificateId = approved.certificateId as string;

    const read = () =>
      withTenant(embedded.services.database, tenant.id, async (tx) => {
        const [organisation] = await tx.select().from(schema.organisations).where(eq(schema.organisations.id, member.organisationId));
        const [certificate] = await tx
          .select()
          .from(schema.certificates)
          .where(and(eq(schema.certificates.id, certificateId)));
        return { organisation, certificate };
      });
    expect((await read()).organisation).toMatchObject({ corporateName: '株式会社新髙﨑商事', contactPhone: '03-4444-5555' });
    await until(async () => (await read()).certificate?.objectKey != null, 60_000, 'the new certificate to be stored');
    const pdf = await readObject(embedded.services.storage, (await read()).certificate?.objectKey as string);
    expect(pdfText(pdf)).toContain('株式会社新髙﨑商事');
    await until(
      async () => {
        const mails = await listCapturedMail(embedded.services.mailboxDirectory as string);
        return ['変更申請を受け付けました', '審査が完了しました', '入会証明書再発行のお知らせ'].every((part) =>
          mails.some((m) => m.to.includes(member.contactEmail) && m.subject.includes(part)),
        );
      },
      60_000,
      'the change mails in the development mailbox',
    );
  }, 150_000);
});
