import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { TenantConfigFileError } from '../platform/tenant-config-store';
import { parseCliEnv } from './cli-env';
import type { CliServices } from './cli-command';
import { CliUsageError, commands, operatorName } from './commands';
import { type CliStorage, openCliStorage } from './open-cli-storage';
import { openOwnerDatabase } from './open-owner-database';

/** `npm run cli -- <command> [--options]`: operator tasks, in embedded or production mode. */
function usage(): string {
  return ['Usage: npm run cli -- <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown command: ${name}\n\n${usage()}` : usage());
    return 2;
  }
  const stringOption = { type: 'string' } as const;
  const { values } = parseArgs({
    args: rest,
    options: {
      host: { type: 'string', multiple: true },
      slug: stringOption,
      'name-ja': stringOption,
      'name-en': stringOption,
      origin: stringOption,
      config: stringOption,
      'copy-config-from': stringOption,
      tenant: stringOption,
      email: stringOption,
      name: stringOption,
      role: stringOption,
      password: stringOption,
      'login-id': stringOption,
      'corporate-name': stringOption,
      out: stringOption,
      file: stringOption,
      note: stringOption,
      key: stringOption,
      version: stringOption,
      'body-file': stringOption,
      'title-ja': stringOption,
      'title-en': stringOption,
      execute: { type: 'boolean' },
    },
  });
  const env = parseCliEnv(process.env);
  const owner = await openOwnerDatabase(env);
  let storage: Promise<CliStorage> | undefined;
  const services: CliServices = {
    storage: async () => {
      storage ??= openCliStorage(env);
      return (await storage).storage;
    },
    now: () => new Date(),
    operator: operatorName(),
  };
  try {
    await command.run(owner, values, (line) => console.log(line), services);
    return 0;
  } finally {
    if (storage) await (await storage).close();
    await owner.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof TenantConfigFileError) console.error(`Error: ${error.message}`);
    else if (error instanceof ZodError)
      console.error(`Error: invalid input:\n${error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    else console.error(error instanceof Error ? `Error: ${error.message}` : error);
    if (error instanceof CliUsageError) console.error(`\n${usage()}`);
    process.exit(1);
  },
);
