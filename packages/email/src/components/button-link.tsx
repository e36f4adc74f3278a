/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Button, Link, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { textStyles } from './email-layout';

/**
 * The call to action of a mail: the button, and under it the same URL as a plain link for clients
 * that do not show buttons; `pasteHint` says so in words (for the mails whose link is the whole point,
 * e.g. a single-use login or reset link).
 */
export function ButtonLink({ href, pasteHint = false, children }: { href: string; pasteHint?: boolean; children: ReactNode }) {
  return (
    <>
      <Button href={href} style={textStyles.button}>
        {children}
      </Button>
      <Text style={{ ...textStyles.small, marginTop: '16px' }}>
        {pasteHint ? (
          <>
            ボタンが開けない場合は、次のURLをブラウザに貼り付けてください。
            <br />
          </>
        ) : null}
        <Link href={href} style={textStyles.url}>
          {href}
        </Link>
      </Text>
    </>
  );
}
