import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRANSITION_MESSAGE_KEYS } from '@kyogikai/domain';
import { describe, expect, it } from 'vitest';
import { uiEn, uiJa } from '@kyogikai/ui/catalogues';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every message key the server can send: AppError/notFound calls and zod messages in the API and domain. */
function keysTheServerSends(): string[] {
  const patterns = [
    /AppError\(\s*'[A-Z_]+',\s*'([a-z][a-zA-Z]*\.[a-zA-Z.]+)'/g,
    /notFound\(\s*'([a-z][a-zA-Z]*\.[a-zA-Z.]+)'/g,
    /message:\s*'([a-z][a-zA-Z]*\.[a-zA-Z.]+)'/g,
    /messageKey:\s*'([a-z][a-zA-Z]*\.[a-zA-Z.]+)'/g,
  ];
  const keys = new Set<string>(TRANSITION_MESSAGE_KEYS);
  for (const file of [...sourceFiles(path.join(repoRoot, 'apps/api/src')), ...sourceFiles(path.join(repoRoot, 'packages/domain/src'))]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) if (match[1]) keys.add(match[1]);
  }
  return [...keys].sort();
}

function lookup(catalogue: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

describe('G5 message catalogues cover every key the API sends', () => {
  const keys = keysTheServerSends();

  it('finds the keys (sanity check of the scan)', () => {
    expect(keys).toEqual(expect.arrayContaining(['auth.invalidCredentials', 'organisation.notSelected', 'transition.illegal']));
  });

  it('G5 every key has a Japanese and an English sentence', () => {
    const missing = keys.flatMap((key) => [
      ...(typeof lookup(uiJa, key) === 'string' ? [] : [`ja: ${key}`]),
      ...(typeof lookup(uiEn, key) === 'string' ? [] : [`en: ${key}`]),
    ]);
    expect(missing).toEqual([]);
  });
});
