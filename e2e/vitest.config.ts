import { defineConfig } from 'vitest/config';

// Browser journeys (SPEC IDs in file names and test titles). Each file starts its own platform:
// a fresh PostgreSQL database, the API server on a free port, and one Chromium. Two files at a
// time fit the two cores of the CI machines.
export default defineConfig({
  test: {
    include: ['*.test.ts'],
    globalSetup: ['./support/global-setup.ts'],
    // A journey clicks through many pages (the authoring one uploads 14 files) while another runs
    // beside it on the same two cores: 60 s was too tight once there were eight of them.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    // A journey that fails once is a real failure (or a flake to fix), not something to retry.
    retry: 0,
  },
});
