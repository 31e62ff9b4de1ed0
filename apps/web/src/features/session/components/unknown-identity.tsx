import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLogout } from '@tabler/icons-react';
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
        <Alert
          role="alert"
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title="Rucio does not accept your sign-in"
        >
          {message}
        </Alert>
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
