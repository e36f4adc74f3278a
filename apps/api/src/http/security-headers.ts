import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers on every response. The SPAs are built bundles served from our origin, so scripts come
 * only from 'self'; inline style attributes are allowed because React components set them. A route
 * that sets one of these headers itself keeps its own value (`overwrite: false`): the admin document
 * preview is the one response that may be framed, by its own origin only (rest/admin-files.ts).
 */
export function securityHeaders(options: { isProduction: boolean }) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(options.isProduction ? { upgradeInsecureRequests: [] } : {}),
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: options.isProduction ? 'max-age=63072000; includeSubDomains' : false,
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    overwrite: false,
  });
}
