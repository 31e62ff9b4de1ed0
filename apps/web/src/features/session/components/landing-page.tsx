import { Button, Container, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabase, IconLogin } from '@tabler/icons-react';
import { Notice } from '@/components/notice.tsx';
import { useLocation } from 'react-router';
import { loginUrl } from '@/lib/auth-urls.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import {
  SIGN_IN_ERROR_PARAM,
  returnToWithoutError,
  signInErrorMessage,
} from '../utils/sign-in-error.ts';

interface LandingPageProps {
  /** Set when we could not even tell whether the user is signed in (BFF down, 5xx). */
  problem?: string | undefined;
}

/** What a signed-out visitor sees, whatever URL they opened; signing in brings them back to it. */
export function LandingPage({ problem }: LandingPageProps) {
  usePageTitle('Sign in');
  const location = useLocation();
  const returnTo = returnToWithoutError(location.pathname, location.search);
  const signInError = signInErrorMessage(
    new URLSearchParams(location.search).get(SIGN_IN_ERROR_PARAM),
  );
  return (
    <Container size="sm" py="xl">
      <Stack gap="lg" align="flex-start">
        <ThemeIcon size={56} radius="md" variant="light" aria-hidden>
          <IconDatabase size={32} />
        </ThemeIcon>
        <Title order={1}>CTAO data, in your browser</Title>
        <Text size="lg">
          The BDMS Portal is the web entry to the Bulk Data Management System of the Cherenkov
          Telescope Array Observatory. It lists the scopes, datasets and files that Rucio manages
          for you, shows where their replicas live, and lets you fetch them — all with your CTAO
          identity, so you see exactly what your Rucio account may see.
        </Text>
        <List size="sm" c="dimmed" spacing={4}>
          <List.Item>Browse scopes of observations and simulations</List.Item>
          <List.Item>Sign in once with your CTAO account (INDIGO IAM)</List.Item>
          <List.Item>Your tokens stay on the portal server, never in this page</List.Item>
        </List>
        {signInError && (
          <Notice kind="error" title="Sign-in did not complete">
            {signInError}
          </Notice>
        )}
        {problem && (
          <Notice kind="info" title="We could not check whether you are signed in">
            {problem}. You can still try to sign in.
          </Notice>
        )}
        <Button
          component="a"
          href={loginUrl(returnTo)}
          size="md"
          leftSection={<IconLogin size={18} aria-hidden />}
        >
          Sign in
        </Button>
      </Stack>
    </Container>
  );
}
