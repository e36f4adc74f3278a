import { describe, expect, it } from 'vitest';
import { previewBranding, type TEmailBranding } from './branding';
import { renderEmail } from './render';
import { EmailInputError, emailTemplateCatalog, parseEmailProps } from './templates';

const branding: TEmailBranding = {
  ...previewBranding,
  tenantName: { ja: 'ひまわり建設分野協議会', en: 'Himawari Construction Council' },
  publicOrigin: 'https://himawari.example.jp',
  secretariatContact: {
    name: 'ひまわり事務局',
    email: 'office@himawari.example.jp',
    phone: '06-1111-2222',
    hours: '平日 9:00〜18:00',
  },
};
const props = {
  recipientName: '佐藤 一郎',
  loginEmail: 'ichiro.sato@example.com',
  signInUrl: 'https://himawari.example.jp/admin/sign-in?email=ichiro.sato%40example.com&x=1',
};

describe('renderEmail("staff-account-created")', () => {
  it('renders a Japanese subject, HTML and text with the tenant name, URL and secretariat', async () => {
    const email = await renderEmail('staff-account-created', props, branding);

    expect(email.subject).toBe('【ひまわり建設分野協議会】管理画面のアカウントが作成されました');
    expect(email.html).toContain('lang="ja"');
    expect(email.html).toContain('ひまわり建設分野協議会');
    // In HTML the `&` of the query string is escaped; the href must still be the exact URL.
    expect(email.html).toContain(`href="${props.signInUrl.replaceAll('&', '&amp;')}"`);
    expect(email.html).toContain('佐藤 一郎 様');
    expect(email.html).toContain('06-1111-2222');
    expect(email.text).toContain('ひまわり建設分野協議会');
    expect(email.text).toContain(props.signInUrl);
    expect(email.text).toContain('佐藤 一郎 様');
    expect(email.text).toContain('office@himawari.example.jp');
    expect(email.text).not.toContain('<');
    // Nothing of the preview council leaks into another tenant's email.
    expect(email.html).not.toContain(previewBranding.tenantName.ja);
  });

  it('escapes markup in props instead of injecting it', async () => {
    const email = await renderEmail('staff-account-created', { ...props, recipientName: '<b>太郎</b>' }, branding);
    expect(email.html).not.toContain('<b>太郎</b>');
    expect(email.html).toContain('&lt;b&gt;太郎&lt;/b&gt;');
  });

  it.each([
    ['a missing prop', { recipientName: '佐藤', loginEmail: 'a@example.com' }],
    ['a relative URL', { ...props, signInUrl: '/admin/sign-in' }],
    ['a javascript: URL', { ...props, signInUrl: 'javascript:alert(1)' }],
    ['a bad email', { ...props, loginEmail: 'not-an-email' }],
    ['an unknown prop', { ...props, extra: 1 }],
  ])('throws EmailInputError for %s', async (_label, badProps) => {
    // Callers with unchecked input (a job payload) reach renderEmail through parseEmailProps' types.
    await expect(renderEmail('staff-account-created', badProps as typeof props, branding)).rejects.toBeInstanceOf(EmailInputError);
  });

  it('refuses a link that is not on the tenant public origin (e.g. built from a Host header)', async () => {
    const error = await renderEmail(
      'staff-account-created',
      { ...props, signInUrl: 'https://evil.example.com/admin/sign-in' },
      branding,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmailInputError);
    expect((error as EmailInputError).kind).toBe('link');
  });

  it('accepts a public origin with a path prefix, and refuses links into another prefix (embedded mode)', async () => {
    const embedded = { ...branding, publicOrigin: 'http://localhost:3000/t/kaigo/' };
    const email = await renderEmail(
      'staff-account-created',
      { ...props, signInUrl: 'http://localhost:3000/t/kaigo/admin/sign-in' },
      embedded,
    );
    expect(email.text).toContain('http://localhost:3000/t/kaigo/admin/sign-in');
    for (const signInUrl of [
      'http://localhost:3000/t/gaishoku/admin/sign-in',
      'http://localhost:3000/t/kaigo-evil/admin',
      'http://localhost:3001/t/kaigo/admin',
    ]) {
      await expect(renderEmail('staff-account-created', { ...props, signInUrl }, embedded)).rejects.toMatchObject({ kind: 'link' });
    }
  });

  it('refuses invalid branding, e.g. a tenant name with a line break (header injection)', async () => {
    const bad = { ...branding, tenantName: { ja: '協議会\r\nBcc: x@example.com', en: 'x' } };
    await expect(renderEmail('staff-account-created', props, bad)).rejects.toMatchObject({ kind: 'branding' });
  });
});

describe('template catalog (what @kyogikai/jobs validates payloads with)', () => {
  it('lists the templates and validates props by name', () => {
    expect(emailTemplateCatalog.names).toContain('staff-account-created');
    expect(emailTemplateCatalog.parseProps('staff-account-created', props)).toEqual(props);
    expect(() => emailTemplateCatalog.parseProps('no-such-template', props)).toThrow(EmailInputError);
    expect(() => parseEmailProps('staff-account-created', { ...props, signInUrl: 'nope' })).toThrow(/signInUrl/);
  });
});
