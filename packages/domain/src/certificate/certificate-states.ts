/** States of a membership certificate (SPEC C3, C4, E1); the machine is in certificate-machine.ts. */
export const CERTIFICATE_STATES = ['issued', 'downloaded', 'superseded', 'revoked'] as const;
export type TCertificateState = (typeof CERTIFICATE_STATES)[number];

/** States of a certificate reissue request (SPEC E1); the machine is in reissue-machine.ts. */
export const REISSUE_REQUEST_STATES = ['requested', 'approved', 'declined', 'cancelled'] as const;
export type TReissueRequestState = (typeof REISSUE_REQUEST_STATES)[number];
