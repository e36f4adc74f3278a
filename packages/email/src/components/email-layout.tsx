/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ Code runs from the repo root through tsx/vitest, where no tsconfig sets `jsx`: without these
// pragmas esbuild uses the classic runtime and fails with "React is not defined". Every .tsx here.
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { TEmailBranding } from '../branding';

const fontFamily = '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", Meiryo, "Yu Gothic", sans-serif';

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily, margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '0' },
  header: { backgroundColor: '#1f3a5f', padding: '20px 32px' },
  headerJa: { color: '#ffffff', fontSize: '18px', fontWeight: 700, lineHeight: '1.5', margin: 0 },
  headerEn: { color: '#c9d6e8', fontSize: '12px', lineHeight: '1.5', margin: 0 },
  content: { padding: '24px 32px' },
  footer: { padding: '0 32px 24px' },
  footerText: { color: '#555f6d', fontSize: '12px', lineHeight: '1.7', margin: 0 },
  hr: { borderColor: '#dde1e6', margin: '0 0 16px' },
} as const;

type TEmailLayoutProps = {
  branding: TEmailBranding;
  /** Inbox preview line (shown after the subject in most clients). */
  preview: string;
  children: ReactNode;
};

/**
 * Every email's frame: the council's name on top, its secretariat's contact details at the bottom.
 * All of it comes from `branding`, so one template serves every tenant.
 */
export function EmailLayout({ branding, preview, children }: TEmailLayoutProps) {
  const contact = branding.secretariatContact;
  return (
    <Html lang="ja">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.headerJa}>{branding.tenantName.ja}</Text>
            <Text style={styles.headerEn}>{branding.tenantName.en}</Text>
          </Section>
          <Section style={styles.content}>{children}</Section>
          <Section style={styles.footer}>
            <Hr style={styles.hr} />
            <Text style={styles.footerText}>
              {`お問い合わせ先 / Contact: ${contact.name}`}
              <br />
              メール: <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
              <br />
              {`電話: ${contact.phone}（${contact.hours}）`}
            </Text>
            <Text style={styles.footerText}>{`このメールは${branding.tenantName.ja}のシステムから自動送信されています。`}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const textStyles = {
  paragraph: { color: '#1d2430', fontSize: '15px', lineHeight: '1.8', margin: '0 0 16px' },
  small: { color: '#555f6d', fontSize: '13px', lineHeight: '1.7', margin: '0 0 16px' },
  english: { color: '#555f6d', fontSize: '13px', lineHeight: '1.6', margin: '24px 0 0' },
  button: {
    backgroundColor: '#1f6feb',
    borderRadius: '6px',
    color: '#ffffff',
    display: 'inline-block',
    fontSize: '15px',
    fontWeight: 700,
    padding: '12px 24px',
    textDecoration: 'none',
  },
  url: { color: '#1f6feb', fontSize: '13px', wordBreak: 'break-all' },
} as const;
