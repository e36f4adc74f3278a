import { describe, expect, it } from 'vitest';
import { ORGANISATION_ROLES, PERMISSIONS, type TOrganisationRole, type TPermission } from './organisation-roles';
import { canGrantRole, effectivePermissions, hasPermission, permissionsOf } from './permissions';

/** The matrix of issue 3, written out: role → permissions it holds. */
const MATRIX: Record<TOrganisationRole, TPermission[]> = {
  org_admin: ['view', 'edit', 'submit', 'download_certificate', 'request_reissue', 'withdraw', 'manage_users'],
  applicant_editor: ['view', 'edit', 'submit', 'download_certificate', 'request_reissue'],
  support_organisation: ['view', 'edit', 'submit'],
  viewer: ['view'],
};

const pairs = ORGANISATION_ROLES.flatMap((role) =>
  PERMISSIONS.map((permission) => ({ role, permission, held: MATRIX[role].includes(permission) })),
);

describe('G7 roles are permission sets', () => {
  it.each(pairs)('G7 $role holds $permission: $held', ({ role, permission, held }) => {
    expect(hasPermission(role, permission)).toBe(held);
    expect(permissionsOf(role).has(permission)).toBe(held);
  });

  it.each(ORGANISATION_ROLES)('G7 permissionsOf(%s) is exactly its set', (role) => {
    expect([...permissionsOf(role)].sort()).toEqual([...MATRIX[role]].sort());
  });

  it('G7 a caller changing its copy does not change the role', () => {
    const set = permissionsOf('viewer') as Set<TPermission>;
    set.add('manage_users');
    expect(hasPermission('viewer', 'manage_users')).toBe(false);
    expect(permissionsOf('viewer').has('manage_users')).toBe(false);
  });
});

describe('G7 the tenant switch for support organisations', () => {
  it.each(ORGANISATION_ROLES)('G7 %s keeps its permissions where support organisations are allowed', (role) => {
    expect([...effectivePermissions(role, true)].sort()).toEqual([...MATRIX[role]].sort());
  });

  it.each(ORGANISATION_ROLES)('G7 %s where support organisations are not allowed', (role) => {
    const expected = role === 'support_organisation' ? [] : [...MATRIX[role]].sort();
    expect([...effectivePermissions(role, false)].sort()).toEqual(expected);
  });
});

describe('G7 who may grant which role', () => {
  const grants = ORGANISATION_ROLES.flatMap((granter) =>
    ORGANISATION_ROLES.flatMap((role) =>
      [true, false].map((allowed) => ({
        granter,
        role,
        allowed,
        // only manage_users grants; support_organisation only where the tenant allows it
        expected: granter === 'org_admin' && (role !== 'support_organisation' || allowed),
      })),
    ),
  );
  it.each(grants)(
    'G7 $granter granting $role (tenant allows support organisations: $allowed) → $expected',
    ({ granter, role, allowed, expected }) => {
      expect(canGrantRole(granter, role, allowed)).toBe(expected);
    },
  );
});
