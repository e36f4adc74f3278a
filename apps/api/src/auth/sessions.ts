import { schema, type TenantTx } from '@kyogikai/db';
import type { TSessionApp, TUserRole } from '@kyogikai/domain';
import { and, eq } from 'drizzle-orm';
import { generateSessionToken, sessionIdFromToken } from './session-token';

export interface SessionPolicy {
  /** SPEC A6: a session unused for this long is over. */
  idleMs: number;
  /** However active, a session ends after this long; the user signs in again. */
  absoluteMs: number;
  /** The UI warns this long before the idle sign-out (SPEC G4). */
  warningMs: number;
}

export interface SessionUser {
  id: string;
  role: TUserRole;
  displayName: string;
  email: string;
  loginId: string | null;
}

export interface ValidSession {
  id: string;
  app: TSessionApp;
  /** Applicants: the member organisation this session acts for (re-checked on every request). */
  actingOrganisationId: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  expiresAt: Date;
  user: SessionUser;
}

export type SessionLookup =
  | { status: 'valid'; session: ValidSession }
  | { status: 'expired'; reason: 'idle' | 'absolute' }
  | { status: 'missing' };

export function idleExpiresAt(session: Pick<ValidSession, 'lastActivityAt' | 'expiresAt'>, policy: SessionPolicy): Date {
  const idle = session.lastActivityAt.getTime() + policy.idleMs;
  return new Date(Math.min(idle, session.expiresAt.getTime()));
}

/** Starts a new session (always a new token: sign-in never reuses an earlier session). */
export async function createSession(
  tx: TenantTx,
  input: { tenantId: string; userId: string; app: TSessionApp; now: Date; policy: SessionPolicy; actingOrganisationId?: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(input.now.getTime() + input.policy.absoluteMs);
  await tx.insert(schema.sessions).values({
    id: sessionIdFromToken(token),
    tenantId: input.tenantId,
    userId: input.userId,
    app: input.app,
    createdAt: input.now,
    lastActivityAt: input.now,
    expiresAt,
    actingOrganisationId: input.actingOrganisationId ?? null,
  });
  return { token, expiresAt };
}

/**
 * Looks a token up without extending it: reading a session is never activity. An expired session
 * is deleted on sight so the token can never come back to life.
 */
export async function findSession(
  tx: TenantTx,
  input: { token: string; app: TSessionApp; now: Date; policy: SessionPolicy },
): Promise<SessionLookup> {
  const id = sessionIdFromToken(input.token);
  const [row] = await tx
    .select({
      id: schema.sessions.id,
      app: schema.sessions.app,
      actingOrganisationId: schema.sessions.actingOrganisationId,
      createdAt: schema.sessions.createdAt,
      lastActivityAt: schema.sessions.lastActivityAt,
      expiresAt: schema.sessions.expiresAt,
      userId: schema.users.id,
      role: schema.users.role,
      displayName: schema.users.displayName,
      email: schema.users.email,
      loginId: schema.users.loginId,
      userStatus: schema.users.status,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, and(eq(schema.users.tenantId, schema.sessions.tenantId), eq(schema.users.id, schema.sessions.userId)))
    .where(and(eq(schema.sessions.id, id), eq(schema.sessions.app, input.app)));
  if (!row || row.userStatus === 'disabled') return { status: 'missing' };

  const now = input.now.getTime();
  const reason = now >= row.expiresAt.getTime() ? 'absolute' : now >= row.lastActivityAt.getTime() + input.policy.idleMs ? 'idle' : null;
  if (reason) {
    await tx.delete(schema.sessions).where(eq(schema.sessions.id, id));
    return { status: 'expired', reason };
  }
  return {
    status: 'valid',
    session: {
      id: row.id,
      app: row.app as TSessionApp,
      actingOrganisationId: row.actingOrganisationId,
      createdAt: row.createdAt,
      lastActivityAt: row.lastActivityAt,
      expiresAt: row.expiresAt,
      user: {
        id: row.userId,
        role: row.role as TUserRole,
        displayName: row.displayName,
        email: row.email,
        loginId: row.loginId,
      },
    },
  };
}

/** Records user activity: only user-initiated requests call this (see trpc/procedures.ts). */
export async function touchSession(tx: TenantTx, sessionId: string, now: Date): Promise<void> {
  await tx.update(schema.sessions).set({ lastActivityAt: now }).where(eq(schema.sessions.id, sessionId));
}

/** Which organisation the session acts for; null until the user chooses (or has none). */
export async function setActingOrganisation(tx: TenantTx, sessionId: string, organisationId: string | null): Promise<void> {
  await tx.update(schema.sessions).set({ actingOrganisationId: organisationId }).where(eq(schema.sessions.id, sessionId));
}

export async function deleteSession(tx: TenantTx, sessionId: string): Promise<void> {
  await tx.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}
