import { z } from 'zod';
import {
  type TActor,
  type TMachine,
  type TTransitionResult,
  type TTransitionRule,
  auditEffect,
  availableEvents,
  fireEvent,
} from '../shared/transition';
import { CERTIFICATE_STATES, type TCertificateState } from './certificate-states';

/**
 * The membership certificate (入会証明書; SPEC C3, C4, E1; ADR 011). Issued by the
 * generate-certificate job; downloaded once by a member user with `download_certificate`; replaced
 * by a newer one (reissue, or an approved D1 change) or revoked by a withdrawal.
 */

export const CERTIFICATE_EVENTS = ['download', 'supersede', 'revoke'] as const;
export type TCertificateEventType = (typeof CERTIFICATE_EVENTS)[number];

export const ZCertificateEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('download') }),
  z.object({ type: z.literal('supersede') }),
  z.object({ type: z.literal('revoke') }),
]);
export type TCertificateEvent = z.infer<typeof ZCertificateEvent>;

/** Valid on the public verification page; at most one per organisation is current. */
export const CERTIFICATE_CURRENT_STATES = ['issued', 'downloaded'] as const satisfies readonly TCertificateState[];

export function isCertificateCurrent(state: TCertificateState): boolean {
  return (CERTIFICATE_CURRENT_STATES as readonly TCertificateState[]).includes(state);
}

type TRule = TTransitionRule<TCertificateState, TCertificateEvent, undefined>;

const SYSTEM = [{ kind: 'system' }] as const;

export const CERTIFICATE_TRANSITIONS: readonly TRule[] = [
  // SPEC C4: once. A second download is illegal (certificate.alreadyDownloaded: ask for a reissue).
  {
    from: 'issued',
    event: 'download',
    to: 'downloaded',
    who: [{ kind: 'applicant', permission: 'download_certificate' }],
    effects: () => [auditEffect('certificate.downloaded')],
  },
  // Fired as the system by issueCertificate, in the transaction that issues the newer one (ADR 018).
  ...CERTIFICATE_CURRENT_STATES.map(
    (from): TRule => ({ from, event: 'supersede', to: 'superseded', who: SYSTEM, effects: () => [auditEffect('certificate.superseded')] }),
  ),
  // Fired as the cascade of a withdrawal (effect revoke-certificate).
  ...CERTIFICATE_CURRENT_STATES.map(
    (from): TRule => ({ from, event: 'revoke', to: 'revoked', who: SYSTEM, effects: () => [auditEffect('certificate.revoked')] }),
  ),
];

export const certificateMachine: TMachine<TCertificateState, TCertificateEvent, undefined> = {
  name: 'certificate',
  states: CERTIFICATE_STATES,
  eventTypes: CERTIFICATE_EVENTS,
  eventSchema: ZCertificateEvent,
  rules: CERTIFICATE_TRANSITIONS,
  illegalMessageKey: (state, event) => (state === 'downloaded' && event === 'download' ? 'certificate.alreadyDownloaded' : undefined),
};

export function transitionCertificate(
  state: TCertificateState,
  event: TCertificateEvent,
  actor: TActor,
): TTransitionResult<TCertificateState> {
  return fireEvent(certificateMachine, state, event, actor, undefined);
}

export function availableCertificateEvents(state: TCertificateState, actor: TActor): TCertificateEventType[] {
  return availableEvents(certificateMachine, state, actor, undefined);
}
