/**
 * The public verification link printed on a certificate (issue 6 item 7; ADR 019):
 * `<tenant public origin>/verify/<code>`. The portal SPA serves that path without a session and
 * asks the API (portal `certificate.verify`) about the code.
 *
 * The worker draws the code and prints the link when it renders the PDF, and the worker cannot
 * import the API, so the one definition (path, alphabet, normalisation, hash) lives in the worker
 * package and the API uses exactly that: the page and the printed link cannot disagree.
 */
export {
  hashVerificationCode,
  isWellFormedVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
  VERIFICATION_PATH_PREFIX,
  verificationUrl,
} from '@kyogikai/worker/certificate-code';
