import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { type Database, runMigrations, unsafeCreateTenant, unsafeGetTenantBySlug, unsafeListTenants } from '@kyogikai/db';
import { CONSENT_DOCUMENT_KEYS, type TConsentDocumentKey, ZTenantConfig } from '@kyogikai/domain';
import {
  unsafeExportTenantConfig,
  unsafeImportTenantConfig,
  unsafePublishConsentDocument,
  unsafeTenantConfigHistory,
} from '../platform/tenant-config-store';
import { tenantUrl } from '../tenancy/tenant-url';
import { createApplicantUser, createStaffUser } from '../users/create-user';
import { type CliCommand, type CliOptions, CliUsageError } from './cli-command';
import { purgeExpiredMembersCommand } from './purge-expired-members-command';

export { type CliCommand, type CliOptions, type CliOutput, type CliServices, CliUsageError } from './cli-command';

/** Recorded with each configuration version (and each purge): who ran the command. */
export function operatorName(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function required(options: CliOptions, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliUsageError(`--${name} is required`);
  return value;
}

/** A password that satisfies SPEC A2 (letters and digits), for accounts created without one. */
export function generatePassword(): string {
  const body = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `${body}7a`;
}

async function tenantBySlug(owner: Database, slug: string) {
  const tenant = await unsafeGetTenantBySlug(owner, slug);
  if (!tenant) throw new CliUsageError(`No tenant with slug "${slug}". See: npm run cli -- list-tenants`);
  return tenant;
}

export const commands: Record<string, CliCommand> = {
  migrate: {
    usage: 'migrate',
    async run(owner, _options, out) {
      await runMigrations(owner);
      out('Migrations are up to date.');
    },
  },
  'list-tenants': {
    usage: 'list-tenants',
    async run(owner, _options, out) {
      for (const t of await unsafeListTenants(owner)) {
        out(`${t.slug}\t${t.nameJa}\t${t.publicOrigin}\t${t.allowedHosts.join(',') || '-'}`);
      }
    },
  },
  'create-tenant': {
    usage:
      'create-tenant --slug <slug> --name-ja <name> --name-en <name> --origin <https://host> [--host <host>]... (--config <file.json> | --copy-config-from <slug>)',
    async run(owner, options, out) {
      const configSource = options.config;
      let config: unknown;
      if (typeof configSource === 'string') {
        config = JSON.parse(await readFile(configSource, 'utf8'));
      } else if (typeof options['copy-config-from'] === 'string') {
        config = (await tenantBySlug(owner, options['copy-config-from'])).config;
      } else {
        throw new CliUsageError('--config <file.json> or --copy-config-from <slug> is required');
      }
      const parsed = ZTenantConfig.safeParse(config);
      if (!parsed.success) {
        throw new CliUsageError(
          `The tenant configuration is invalid:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
        );
      }
      const hosts = options.host === undefined ? [] : ([] as string[]).concat(options.host as string | string[]);
      const tenant = await unsafeCreateTenant(owner, {
        slug: required(options, 'slug'),
        nameJa: required(options, 'name-ja'),
        nameEn: required(options, 'name-en'),
        publicOrigin: required(options, 'origin'),
        allowedHosts: hosts,
        config: parsed.data,
      });
      out(`Created tenant ${tenant.slug} (${tenant.nameJa}) at ${tenant.publicOrigin}`);
    },
  },
  'export-config': {
    usage: 'export-config --tenant <slug> [--out <file.json>]   (stdout without --out)',
    async run(owner, options, out) {
      const text = await unsafeExportTenantConfig(owner, required(options, 'tenant'));
      if (typeof options.out === 'string') {
        await writeFile(options.out, text);
        out(`Wrote ${options.out}`);
      } else {
        out(text.trimEnd());
      }
    },
  },
  'import-config': {
    usage: 'import-config --tenant <slug> --file <file.json> [--note <text>]',
    async run(owner, options, out) {
      const slug = required(options, 'tenant');
      const result = await unsafeImportTenantConfig(owner, slug, await readFile(required(options, 'file'), 'utf8'), {
        createdBy: operatorName(),
        ...(typeof options.note === 'string' ? { note: options.note } : {}),
      });
      out(
        result.version === null
          ? `No change: ${slug} already has this configuration.`
          : `Imported as configuration version ${result.version} of ${slug}.`,
      );
    },
  },
  'publish-consent': {
    usage: `publish-consent --tenant <slug> --key <${CONSENT_DOCUMENT_KEYS.join('|')}> --version <label> --body-file <text file> [--title-ja <title>] [--title-en <title>]`,
    async run(owner, options, out) {
      const key = required(options, 'key');
      if (!(CONSENT_DOCUMENT_KEYS as readonly string[]).includes(key))
        throw new CliUsageError(`--key must be one of ${CONSENT_DOCUMENT_KEYS.join(', ')}`);
      const body = (await readFile(required(options, 'body-file'), 'utf8')).trim();
      const result = await unsafePublishConsentDocument(
        owner,
        required(options, 'tenant'),
        {
          key: key as TConsentDocumentKey,
          version: required(options, 'version'),
          body,
          ...(typeof options['title-ja'] === 'string' ? { titleJa: options['title-ja'] } : {}),
          ...(typeof options['title-en'] === 'string' ? { titleEn: options['title-en'] } : {}),
        },
        { createdBy: operatorName() },
      );
      out(`Published ${key} ${options.version} as configuration version ${result.version}.`);
    },
  },
  'config-history': {
    usage: 'config-history --tenant <slug>',
    async run(owner, options, out) {
      for (const row of await unsafeTenantConfigHistory(owner, required(options, 'tenant'))) {
        out(`${row.version}\t${row.createdAt.toISOString()}\t${row.createdBy}\t${row.note ?? ''}`);
      }
    },
  },
  'create-staff': {
    usage:
      'create-staff --tenant <slug> --email <email> --name <display name> --role <secretariat|ministry|tenant_admin> [--password <password>]',
    async run(owner, options, out) {
      const tenant = await tenantBySlug(owner, required(options, 'tenant'));
      const password = typeof options.password === 'string' ? options.password : generatePassword();
      const user = await createStaffUser(
        owner,
        tenant.id,
        {
          email: required(options, 'email'),
          displayName: required(options, 'name'),
          role: required(options, 'role') as 'secretariat',
          password,
        },
        { adminSignInUrl: tenantUrl(tenant, '/admin/') },
      );
      out(`Created staff user ${user.id} in ${tenant.slug}; a notice goes to their address through the outbox.`);
      if (options.password === undefined) out(`Generated password: ${password}`);
    },
  },
  'create-applicant': {
    usage:
      'create-applicant --tenant <slug> --login-id <user id> --email <email> --name <display name> --corporate-name <法人名> [--password <password>]',
    async run(owner, options, out) {
      const tenant = await tenantBySlug(owner, required(options, 'tenant'));
      const password = typeof options.password === 'string' ? options.password : generatePassword();
      const user = await createApplicantUser(owner, tenant.id, {
        loginId: required(options, 'login-id'),
        email: required(options, 'email'),
        displayName: required(options, 'name'),
        corporateName: required(options, 'corporate-name'),
        password,
      });
      out(`Created applicant ${user.id} in ${tenant.slug}.`);
      if (options.password === undefined) out(`Generated password: ${password}`);
    },
  },
  'purge-expired-members': purgeExpiredMembersCommand,
};
