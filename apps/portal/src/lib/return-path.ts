/**
 * Where the sign-in page sends the user afterwards (`/sign-in?next=…`): only a path inside this
 * portal, so a crafted link cannot send a freshly signed-in user to another site ("//evil",
 * "/\\evil", "https://…" and anything with a scheme fall back to マイページ).
 */
export function safeReturnPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // A line break or other control character has no place in a path and can split a header.
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return '/';
  return next;
}

/** The sign-in page's address that comes back to `path` (path and query of this portal). */
export function signInReturningTo(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
