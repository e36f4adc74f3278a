import { readFileSync } from 'node:fs';
import { ZTenantConfig } from '@kyogikai/domain';
import { describe, expect, it } from 'vitest';

describe('infra/tenant-config.example.json', () => {
  it('G2 is a valid tenant configuration (so the deployment guide never rots)', () => {
    const file = JSON.parse(readFileSync(new URL('../../../infra/tenant-config.example.json', import.meta.url), 'utf8'));
    const result = ZTenantConfig.safeParse(file);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});
