/**
 * Where the sign-in page sends the user afterwards (`/sign-in?next=…`): only a path inside this
 * portal, so a crafted link cannot send a freshly signed-in user to another site ("//evil",
 * "/\\evil", "https://…" and anything with a scheme fall back to マイページ).
 */
export function safeReturnPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f]/.test(next)) return '/';
  return next;
}

/** The sign-in page's address that comes back to `path` (path and query of this portal). */
export function signInReturningTo(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
