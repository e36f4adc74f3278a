/**
 * The last day a withdrawn member's registration is kept, read-only, before the purge (ADR 012,
 * tenant config `retentionYears`): the same calendar day in Japan, that many years after the
 * withdrawal (29 February becomes 1 March in a year without one). YYYY-MM-DD, as stored in
 * `organisations.retention_until`.
 */
export function retentionUntil(withdrawnAt: Date, retentionYears: number): string {
  const japan = new Date(withdrawnAt.getTime() + 9 * 60 * 60_000);
  const end = new Date(Date.UTC(japan.getUTCFullYear() + retentionYears, japan.getUTCMonth(), japan.getUTCDate()));
  return end.toISOString().slice(0, 10);
}
