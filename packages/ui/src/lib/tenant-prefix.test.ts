import { describe, expect, it } from 'vitest';
import { appLocationFromPath, tenantLocationFromPath } from './tenant-prefix';

describe('tenant prefix from the URL', () => {
  it('reads the slug of a path-prefixed tenant', () => {
    expect(tenantLocationFromPath('/t/kaigo/')).toEqual({ slug: 'kaigo', prefix: '/t/kaigo' });
    expect(tenantLocationFromPath('/t/kaigo')).toEqual({ slug: 'kaigo', prefix: '/t/kaigo' });
    expect(tenantLocationFromPath('/t/food-service/admin/x')).toEqual({ slug: 'food-service', prefix: '/t/food-service' });
  });

  it('has no prefix in host mode or for malformed slugs', () => {
    expect(tenantLocationFromPath('/')).toEqual({ slug: null, prefix: '' });
    expect(tenantLocationFromPath('/admin/')).toEqual({ slug: null, prefix: '' });
    expect(tenantLocationFromPath('/t/Kaigo/')).toEqual({ slug: null, prefix: '' });
    expect(tenantLocationFromPath('/t/1abc/')).toEqual({ slug: null, prefix: '' });
    expect(tenantLocationFromPath('/tx/kaigo/')).toEqual({ slug: null, prefix: '' });
    expect(tenantLocationFromPath('/t/kaigoX!/')).toEqual({ slug: null, prefix: '' });
  });

  it('builds router basename and API URL per app', () => {
    expect(appLocationFromPath('/t/kaigo/sign-in', 'portal')).toMatchObject({ basename: '/t/kaigo', trpcUrl: '/t/kaigo/api/portal/trpc' });
    expect(appLocationFromPath('/t/kaigo/admin/', 'admin')).toMatchObject({
      basename: '/t/kaigo/admin',
      trpcUrl: '/t/kaigo/api/admin/trpc',
    });
    expect(appLocationFromPath('/sign-in', 'portal')).toMatchObject({ basename: '/', trpcUrl: '/api/portal/trpc' });
    expect(appLocationFromPath('/admin/', 'admin')).toMatchObject({ basename: '/admin', trpcUrl: '/api/admin/trpc' });
  });
});
