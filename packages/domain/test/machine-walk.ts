import { describe, expect, it } from 'vitest';
import { type TPermission, PERMISSIONS } from '../src/organisation/organisation-roles';
import { permissionsOf } from '../src/organisation/permissions';
import {
  type TActor,
  type TEffect,
  type TEventBase,
  type TMachine,
  applicantActor,
  availableEvents,
  fireEvent,
  ForbiddenTransitionError,
  IllegalTransitionError,
  staffActor,
  SYSTEM_ACTOR,
  ZEffects,
} from '../src/shared/transition';

/**
 * Shared walk for the machine tests: every actor we can think of, and a table-driven check of a
 * machine against a hand-written table of its legal transitions: each legal one for each allowed
 * actor (exact target and effects), each forbidden actor, and every other (state, event) pair as
 * illegal for every actor.
 */

export const ACTORS = {
  org_admin: applicantActor(permissionsOf('org_admin')),
  applicant_editor: applicantActor(permissionsOf('applicant_editor')),
  support_organisation: applicantActor(permissionsOf('support_organisation')),
  viewer: applicantActor(permissionsOf('viewer')),
  'applicant without permissions': applicantActor([]),
  ...(Object.fromEntries(PERMISSIONS.map((permission) => [`applicant with only ${permission}`, applicantActor([permission])])) as Record<
    `applicant with only ${TPermission}`,
    TActor
  >),
  secretariat: staffActor('secretariat'),
  ministry: staffActor('ministry'),
  tenant_admin: staffActor('tenant_admin'),
  system: SYSTEM_ACTOR,
} satisfies Record<string, TActor>;

export type TActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as TActorName[];

/** Every applicant actor above holding this permission. */
export function applicantsWith(permission: TPermission): TActorName[] {
  return ACTOR_NAMES.filter((name) => {
    const actor = ACTORS[name];
    return actor.kind === 'applicant' && actor.permissions.has(permission);
  });
}

export type TExpectedTransition<S extends string, E extends TEventBase> = {
  /** SPEC IDs, put in the test title. */
  spec: string;
  from: S;
  event: E['type'];
  to: S;
  allowed: readonly TActorName[];
  effects: TEffect[];
};

export function walkMachine<S extends string, E extends TEventBase, C>(options: {
  machine: TMachine<S, E, C>;
  /** Describes the context (tenant approval steps, kinds), part of every title. */
  label: string;
  context: C;
  /** A valid event of each type (with message or reason where needed). */
  eventOf: (type: E['type']) => E;
  legal: readonly TExpectedTransition<S, E>[];
  /** SPEC IDs for the illegal-pair titles. */
  spec: string;
}) {
  const { machine, label, context, eventOf, legal, spec } = options;
  const isLegal = (state: S, event: E['type']) => legal.find((t) => t.from === state && t.event === event);

  describe(`${machine.name} machine, ${label}`, () => {
    const allowedCases = legal.flatMap((t) => t.allowed.map((actor) => ({ ...t, actor })));
    it.each(allowedCases)('$spec $from --$event--> $to, fired by $actor, with its exact effects', (t) => {
      const result = fireEvent(machine, t.from, eventOf(t.event), ACTORS[t.actor], context);
      expect(result).toEqual({ ok: true, from: t.from, to: t.to, effects: t.effects });
    });

    const forbiddenCases = legal.flatMap((t) => ACTOR_NAMES.filter((a) => !t.allowed.includes(a)).map((actor) => ({ ...t, actor })));
    it.each(forbiddenCases)('$spec $from --$event--> is refused to $actor with ForbiddenTransitionError', (t) => {
      const result = fireEvent(machine, t.from, eventOf(t.event), ACTORS[t.actor], context);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBeInstanceOf(ForbiddenTransitionError);
      expect(result.error).toMatchObject({
        machine: machine.name,
        state: t.from,
        event: t.event,
        messageKey: 'transition.forbidden',
        code: 'forbidden',
        actorKind: ACTORS[t.actor].kind,
      });
    });

    const illegalCases = machine.states.flatMap((from) =>
      machine.eventTypes.filter((event) => !isLegal(from, event)).map((event) => ({ from, event, spec })),
    );
    it.each(illegalCases)('$spec $from refuses $event with IllegalTransitionError, whoever fires it', ({ from, event }) => {
      for (const name of ACTOR_NAMES) {
        const result = fireEvent(machine, from, eventOf(event), ACTORS[name], context);
        expect(result.ok, name).toBe(false);
        if (result.ok) continue;
        expect(result.error, name).toBeInstanceOf(IllegalTransitionError);
        expect(result.error, name).toMatchObject({ machine: machine.name, state: from, event, code: 'illegal' });
      }
    });

    it.each(machine.states.map((state) => ({ state })))('$state offers each actor exactly its legal events', ({ state }) => {
      for (const name of ACTOR_NAMES) {
        const expected = machine.eventTypes.filter((event) => isLegal(state, event)?.allowed.includes(name));
        expect(availableEvents(machine, state, ACTORS[name], context), name).toEqual(expected);
      }
    });

    it('every emitted effect is valid outbox data and survives a JSON round trip', () => {
      for (const t of legal) {
        expect(ZEffects.parse(JSON.parse(JSON.stringify(t.effects)))).toEqual(t.effects);
      }
    });
  });
}
