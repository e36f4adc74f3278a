/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { textStyles } from './email-layout';

/** The opening of a mail to a member organisation: 「<法人名>」 and, under it, 「<name> 様」. */
export function OrganisationGreeting({ corporateName, recipientName }: { corporateName: string; recipientName: string }) {
  return (
    <Text style={textStyles.paragraph}>
      {corporateName}
      <br />
      {`${recipientName} 様`}
    </Text>
  );
}
