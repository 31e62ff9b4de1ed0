import { AppShell, Box, Burger, Group, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { Brand } from '@/components/brand.tsx';
import { ColorSchemeToggle } from '@/components/color-scheme-toggle.tsx';
import { DidActionsContext } from '@/components/did-actions.tsx';
import { FullPageLoader } from '@/components/full-page-loader.tsx';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/skip-link.tsx';
import classes from './main-nav.module.css';
import { HealthBanner } from '@/features/health/components/health-banner.tsx';
import { isUnknownIdentity, useMe } from '@/features/session/api/get-me.ts';
import { AccountPicker } from '@/features/session/components/account-picker.tsx';
import { LandingPage } from '@/features/session/components/landing-page.tsx';
import { UnknownIdentity } from '@/features/session/components/unknown-identity.tsx';
import { UserSummary } from '@/features/session/components/user-summary.tsx';
import { NAV_ITEMS } from './nav-items.ts';
import { AddToBasket } from './routes/basket.ts';

/** Pages only for signed-in users; everyone else gets the landing page at any URL. */
function SessionGate() {
  const me = useMe();
  if (me.isPending) return <FullPageLoader label="Checking your session" />;
  if (isUnknownIdentity(me.error)) return <UnknownIdentity message={me.error.message} />;
  if (me.isError) return <LandingPage problem={me.error.message} />;
  if (!me.data) return <LandingPage />;
  return <Outlet />;
}

function MainNav({ onNavigate, isAdmin }: { onNavigate: () => void; isAdmin: boolean }) {
  const { pathname } = useLocation();
  return (
    <>
      {NAV_ITEMS.filter((item) => isAdmin || !item.adminOnly).map(
        ({ label, to, icon: Icon, badge: Badge }) => (
          <NavLink
            key={to}
            component={RouterNavLink}
            className={classes.link}
            to={to}
            label={label}
            active={pathname === to || pathname.startsWith(`${to}/`)}
            leftSection={
              <Suspense fallback={null}>
                <Icon size={18} aria-hidden />
              </Suspense>
            }
            rightSection={
              Badge && (
                <Suspense fallback={null}>
                  <Badge />
                </Suspense>
              )
            }
            onClick={onNavigate}
          />
        ),
      )}
    </>
  );
}

/** The shell around every page: header, navigation (when signed in), health banner, content. */
export function AppLayout() {
  const me = useMe();
  const [navOpened, nav] = useDisclosure(false);
  const signedIn = Boolean(me.data);
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{
          width: 220,
          breakpoint: 'sm',
          collapsed: { mobile: !navOpened, desktop: !signedIn },
        }}
        padding={0}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {signedIn && (
                <Burger
                  opened={navOpened}
                  onClick={nav.toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label="Toggle navigation"
                />
              )}
              <Brand />
            </Group>
            <Group gap="sm" wrap="nowrap">
              {me.data && (
                <UserSummary me={me.data} account={<AccountPicker account={me.data.account} />} />
              )}
              <ColorSchemeToggle />
            </Group>
          </Group>
        </AppShell.Header>
        {signedIn && (
          <AppShell.Navbar p="sm" component="nav" aria-label="Main navigation">
            <MainNav onNavigate={nav.close} isAdmin={me.data?.isAdmin ?? false} />
          </AppShell.Navbar>
        )}
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
          <HealthBanner />
          <Box p="md" maw={1200} mx="auto">
            <DidActionsContext value={AddToBasket}>
              <SessionGate />
            </DidActionsContext>
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
