import { describe, expect, it } from 'vitest';
import { ACTORS, applicantsWith, walkMachine } from '../../test/machine-walk';
import { IllegalTransitionError } from '../shared/transition';
import { certificateMachine, isCertificateCurrent, type TCertificateEventType, transitionCertificate } from './certificate-machine';
import { CERTIFICATE_STATES } from './certificate-states';

walkMachine({
  machine: certificateMachine,
  label: 'any tenant',
  context: undefined,
  eventOf: (type: TCertificateEventType) => ({ type }),
  spec: 'C3 C4 E1 F1',
  legal: [
    {
      spec: 'C3 C4',
      from: 'issued',
      event: 'download',
      to: 'downloaded',
      allowed: applicantsWith('download_certificate'),
      effects: [{ type: 'audit', action: 'certificate.downloaded' }],
    },
    {
      spec: 'E1 D1',
      from: 'issued',
      event: 'supersede',
      to: 'superseded',
      allowed: ['system'],
      effects: [{ type: 'audit', action: 'certificate.superseded' }],
    },
    {
      spec: 'E1 D1',
      from: 'downloaded',
      event: 'supersede',
      to: 'superseded',
      allowed: ['system'],
      effects: [{ type: 'audit', action: 'certificate.superseded' }],
    },
    {
      spec: 'F1',
      from: 'issued',
      event: 'revoke',
      to: 'revoked',
      allowed: ['system'],
      effects: [{ type: 'audit', action: 'certificate.revoked' }],
    },
    {
      spec: 'F1',
      from: 'downloaded',
      event: 'revoke',
      to: 'revoked',
      allowed: ['system'],
      effects: [{ type: 'audit', action: 'certificate.revoked' }],
    },
  ],
});

describe('certificate: SPEC rules beyond the table', () => {
  it('C4 a downloaded certificate cannot be downloaded again (the message points to a reissue)', () => {
    const result = transitionCertificate('downloaded', { type: 'download' }, ACTORS.org_admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(IllegalTransitionError);
    expect(result.error).toMatchObject({
      machine: 'certificate',
      state: 'downloaded',
      event: 'download',
      messageKey: 'certificate.alreadyDownloaded',
    });
  });

  it('C4 a superseded or revoked certificate cannot be downloaded (generic refusal)', () => {
    for (const state of ['superseded', 'revoked'] as const) {
      expect(transitionCertificate(state, { type: 'download' }, ACTORS.org_admin)).toMatchObject({
        ok: false,
        error: { messageKey: 'transition.illegal' },
      });
    }
  });

  it('G7 a support organisation (no download_certificate) cannot download the certificate', () => {
    expect(transitionCertificate('issued', { type: 'download' }, ACTORS.support_organisation)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('E1 F1 only issued and downloaded certificates verify as valid', () => {
    expect(CERTIFICATE_STATES.filter(isCertificateCurrent)).toEqual(['issued', 'downloaded']);
  });
});
