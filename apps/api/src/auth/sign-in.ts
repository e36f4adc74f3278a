import { listMembershipsOfUser, schema, withTenant, type Database } from '@kyogikai/db';
import { normaliseLoginId, type TSessionApp } from '@kyogikai/domain';
import { and, eq, sql } from 'drizzle-orm';
import { verifyPassword } from './passwords';
import { createSession, deleteSession, type SessionPolicy } from './sessions';
import { sessionIdFromToken } from './session-token';
import { clearAccountFailures, readThrottle, recordFailure, throttleKeys, type ThrottlePolicy } from './sign-in-throttle';

export class SignInRefusedError extends Error {
  constructor(
    /** `not-activated`: the password was right, but the account is still provisional (SPEC A5). */
    readonly reason: 'invalid-credentials' | 'throttled' | 'not-activated',
    readonly retryAfterMs = 0,
  ) {
    super(reason);
    this.name = 'SignInRefusedError';
  }
}

export interface SignInInput {
  database: Database;
  tenantId: string;
  app: TSessionApp;
  /** Portal: the applicant's ユーザーID. Admin: the staff member's email address. */
  identifier: string;
  password: string;
  /** The session cookie the browser already held, if any: it is ended, never reused (fixation). */
  previousToken: string | null;
  clientAddress: string;
  now: Date;
  sessionPolicy: SessionPolicy;
  throttlePolicy: ThrottlePolicy;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Checks the credentials and opens a new session. The failure is the same for an unknown account
 * and a wrong password, and costs the same time, so the form cannot be used to probe user IDs.
 * Database work happens in short tenant transactions; password hashing and the slow-down delay
 * happen between them, never while a transaction is open.
 */
export async function signIn(input: SignInInput): Promise<{ token: string; expiresAt: Date; user: { id: string; displayName: string } }> {
  const keys = throttleKeys(input.identifier, input.clientAddress);
  const throttle = await withTenant(input.database, input.tenantId, (tx) => readThrottle(tx, keys, input.now, input.throttlePolicy));
  if (throttle.status === 'locked') throw new SignInRefusedError('throttled', throttle.retryAfterMs);
  if (throttle.delayMs > 0) await input.sleep(throttle.delayMs);

  const user = await withTenant(input.database, input.tenantId, async (tx) => {
    const identifier = input.identifier.trim();
    const match =
      input.app === 'portal'
        ? and(eq(schema.users.kind, 'applicant'), eq(schema.users.loginId, normaliseLoginId(identifier)))
        : and(eq(schema.users.kind, 'staff'), eq(sql`lower(${schema.users.email})`, identifier.toLowerCase()));
    const [row] = await tx
      .select({
        id: schema.users.id,
        displayName: schema.users.displayName,
        passwordHash: schema.users.passwordHash,
        status: schema.users.status,
      })
      .from(schema.users)
      .where(match);
    return row ?? null;
  });

  const isPasswordValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  // Said only to someone who knows the password, so it reveals nothing to a stranger: the
  // provisional account becomes a full one through the link in its mail (SPEC A5).
  if (user && isPasswordValid && user.status === 'provisional') throw new SignInRefusedError('not-activated');
  if (!user || !isPasswordValid || user.status !== 'active') {
    const lockedForMs = await withTenant(input.database, input.tenantId, (tx) =>
      recordFailure(tx, input.tenantId, keys, input.now, input.throttlePolicy),
    );
    throw lockedForMs > 0 ? new SignInRefusedError('throttled', lockedForMs) : new SignInRefusedError('invalid-credentials');
  }

  return withTenant(input.database, input.tenantId, async (tx) => {
    await clearAccountFailures(tx, keys);
    if (input.previousToken) await deleteSession(tx, sessionIdFromToken(input.previousToken));
    // An applicant acting for exactly one organisation starts acting for it; with several, the
    // portal asks which (session.switchOrganisation).
    const memberships = input.app === 'portal' ? await listMembershipsOfUser(tx, user.id) : [];
    const session = await createSession(tx, {
      tenantId: input.tenantId,
      userId: user.id,
      app: input.app,
      now: input.now,
      policy: input.sessionPolicy,
      actingOrganisationId: memberships.length === 1 ? (memberships[0]?.organisationId ?? null) : null,
    });
    await tx.insert(schema.auditEvents).values({
      tenantId: input.tenantId,
      actorUserId: user.id,
      action: `${input.app}.signed_in`,
      targetType: 'user',
      targetId: user.id,
      ip: input.clientAddress,
      occurredAt: input.now,
    });
    return { ...session, user: { id: user.id, displayName: user.displayName } };
  });
}
