import { Box, Button, Loader, Menu, Popover, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Notice } from '@/components/notice.tsx';
import { useChooseAccount } from '../api/choose-account.ts';
import { describeAccountRefusal } from '../utils/describe-account-refusal.ts';

interface AccountMenuProps {
  /** Every account the identity maps to, sorted. */
  accounts: string[];
  /** The one the portal acts as. */
  active: string;
}

/**
 * The menu of the identity's accounts, the current one checked. Choosing another asks the BFF;
 * a refusal is explained next to the picker and leaves the current account as it was. Loaded
 * lazily by AccountPicker: menus and popovers weigh ~13 kB on every page's first load otherwise.
 */
export function AccountMenu({ accounts, active }: AccountMenuProps) {
  const choose = useChooseAccount();
  const refusal =
    choose.isError && choose.variables
      ? describeAccountRefusal(choose.error, choose.variables, active)
      : null;
  return (
    // Not in a portal: the explanation follows the picker in the tab order, so Dismiss is reachable.
    <Popover
      opened={refusal !== null}
      onChange={(opened) => {
        if (!opened) choose.reset();
      }}
      position="bottom-start"
      width={340}
      withArrow
      shadow="md"
      withinPortal={false}
      withRoles={false}
    >
      <Popover.Target>
        <Box>
          <Menu
            position="bottom-start"
            disabled={choose.isPending}
            onOpen={() => {
              choose.reset();
            }}
          >
            <Menu.Target>
              <Button
                variant="subtle"
                color="gray"
                size="compact-xs"
                fw={400}
                ml={-6}
                aria-busy={choose.isPending}
                rightSection={
                  choose.isPending ? (
                    <Loader size={10} aria-hidden />
                  ) : (
                    <IconChevronDown size={12} aria-hidden />
                  )
                }
              >
                Rucio account: {active}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Act as Rucio account</Menu.Label>
              <Menu.RadioGroup
                value={active}
                onChange={(next) => {
                  choose.mutate(next);
                }}
              >
                {accounts.map((name) => (
                  <Menu.RadioItem key={name} value={name} closeMenuOnClick>
                    {name}
                  </Menu.RadioItem>
                ))}
              </Menu.RadioGroup>
            </Menu.Dropdown>
          </Menu>
        </Box>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        {refusal && (
          <Notice
            kind={refusal.kind}
            title={refusal.title}
            onClose={() => {
              choose.reset();
            }}
          >
            <Text size="sm">{refusal.text}</Text>
            {refusal.requestId && (
              <Text size="xs" c="dimmed" mt={4}>
                Request id: <code>{refusal.requestId}</code>
              </Text>
            )}
          </Notice>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
