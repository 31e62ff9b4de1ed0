import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Notice } from '@/components/notice.tsx';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useSignOut } from '../api/sign-out.ts';

interface UnknownIdentityProps {
  /** The BFF's message; it names the identity (SUB and issuer) an administrator has to map. */
  message: string;
}

/**
 * Signed in at the IdP, but Rucio has no account for this identity. Offering "Sign in" here
 * would loop; signing out (maybe to use another account) is the only useful action.
 */
export function UnknownIdentity({ message }: UnknownIdentityProps) {
  usePageTitle('No Rucio account');
  const signOut = useSignOut();
  return (
    <Container size="sm" py="xl">
      <Stack gap="lg" align="flex-start">
        <Title order={1}>Your identity has no Rucio account</Title>
        <Notice kind="error" title="Rucio does not accept your sign-in">
          {message}
        </Notice>
        <Text>
          You are signed in, but Rucio does not know this identity, so the portal cannot show you
          any data. Ask the BDMS administrators to map it to your Rucio account, or sign out and use
          another account.
        </Text>
        {signOut.isError && (
          <Text c="red" role="status">
            Sign-out failed: {signOut.error.message}
          </Text>
        )}
        <Button
          variant="default"
          leftSection={<IconLogout size={18} aria-hidden />}
          loading={signOut.isPending}
          onClick={() => {
            signOut.mutate();
          }}
        >
          Sign out
        </Button>
      </Stack>
    </Container>
  );
}
