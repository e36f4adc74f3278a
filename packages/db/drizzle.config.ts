import { defineConfig } from 'drizzle-kit';

// `generate` only diffs the schema against migrations/meta: no database connection is needed.
// Run from packages/db: `npx drizzle-kit generate --name <what-changed>`; for SQL drizzle-kit
// cannot emit (roles, grants, FORCE RLS, functions) use `--custom --name <what>` and edit the file.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  strict: true,
  verbose: true,
});
