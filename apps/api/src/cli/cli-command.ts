import type { Database } from '@kyogikai/db';
import type { FileStore } from '../storage/object-storage';

export type CliOptions = Record<string, string | string[] | boolean | undefined>;
export type CliOutput = (line: string) => void;

/** What a command may need besides the owner connection, opened only when it asks. */
export type CliServices = {
  /** The object store of the CLI's run mode (opened on first use, closed when the command ends). */
  storage(): Promise<FileStore>;
  now(): Date;
  /** Recorded with what the command changes: who ran it. */
  operator: string;
};

export type CliCommand = { usage: string; run(owner: Database, options: CliOptions, out: CliOutput, services: CliServices): Promise<void> };

export class CliUsageError extends Error {}
