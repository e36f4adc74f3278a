import { unsafeGetTenantBySlug, unsafeListTenants } from '@kyogikai/db';
import { japanDateOf } from '@kyogikai/domain';
import { type DueMember, findDueMembers, purgeDueMembers } from '../membership/purge-expired-members';
import { type CliCommand, CliUsageError } from './cli-command';

function describe(member: DueMember): string {
  const { counts } = member;
  const rows = Object.entries(counts.rows).map(([table, n]) => `${table}=${n}`);
  return [
    `  ${member.membershipNumber ?? '(no number)'}`,
    `withdrawn ${member.withdrawnAt ? japanDateOf(member.withdrawnAt) : '-'}`,
    `kept until ${member.retentionUntil}`,
    `objects ${counts.objects}`,
    `users ${counts.users}`,
    `acting sessions ${counts.actingSessions}`,
    `certificate jobs ${counts.outboxCertificateJobs}`,
    `rows ${rows.join(' ') || '-'}`,
  ].join('\t');
}

/**
 * `purge-expired-members [--tenant <slug>] [--execute]` (SPEC F1, ADR 026): lists, per tenant, the
 * former members whose retention period has ended; with --execute deletes their files and rows and
 * leaves a tombstone. A member that fails is reported and the command exits non-zero; running it
 * again finishes the work.
 */
export const purgeExpiredMembersCommand: CliCommand = {
  usage: 'purge-expired-members [--tenant <slug>] [--execute]   (a dry run without --execute)',
  async run(owner, options, out, services) {
    let tenants = await unsafeListTenants(owner);
    if (typeof options.tenant === 'string') {
      const tenant = await unsafeGetTenantBySlug(owner, options.tenant);
      if (!tenant) throw new CliUsageError(`No tenant with slug "${options.tenant}". See: npm run cli -- list-tenants`);
      tenants = [tenant];
    }
    const isExecute = options.execute === true;
    const now = services.now();
    const storage = await services.storage();
    const due = await findDueMembers({ owner, storage, now }, tenants);
    out(
      `${isExecute ? 'Purging' : 'Dry run (nothing is deleted; add --execute to purge)'}: former members whose retention ended before ${japanDateOf(now)} (Japan).`,
    );
    for (const tenant of tenants) {
      const ofTenant = due.filter((member) => member.tenant.id === tenant.id);
      out(`${tenant.slug}: ${ofTenant.length === 0 ? 'none due' : `${ofTenant.length} due`}`);
      for (const member of ofTenant) out(describe(member));
    }
    if (!isExecute) return;
    const outcomes = await purgeDueMembers({ owner, storage, now, operator: services.operator }, due);
    for (const outcome of outcomes) {
      const label = `${outcome.member.tenant.slug} ${outcome.member.membershipNumber ?? outcome.member.organisationId}`;
      if (outcome.status === 'purged') {
        out(`Purged ${label} (accounts deleted ${outcome.usersDeleted}, anonymised ${outcome.usersAnonymised}).`);
      } else {
        out(`NOT purged ${label}: ${outcome.error}`);
      }
    }
    const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
    out(`Purged ${outcomes.length - failed} of ${outcomes.length}.`);
    if (failed > 0) throw new Error(`${failed} member(s) could not be purged; run the command again to finish.`);
  },
};
