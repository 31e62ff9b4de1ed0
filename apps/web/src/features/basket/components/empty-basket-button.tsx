import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBasketOff } from '@tabler/icons-react';
import { plural } from '@/lib/format.ts';
import { useEmptyBasket } from '../api/basket.ts';

/** Empties the basket after a confirmation; the dialog stays open on a failure, saying why. */
export function EmptyBasketButton({ count }: { count: number }) {
  const [opened, dialog] = useDisclosure(false);
  const empty = useEmptyBasket();
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconBasketOff size={14} aria-hidden />}
        onClick={dialog.open}
      >
        Empty the basket
      </Button>
      <Modal opened={opened} onClose={dialog.close} title="Empty the basket?" centered>
        <Text size="sm">
          This takes all {plural(count, 'DID')} out of your basket. Nothing is deleted in Rucio.
        </Text>
        {empty.isError && (
          <Text size="sm" c="red" role="alert" mt="xs">
            Could not empty the basket: {empty.error.message}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={dialog.close}>
            Keep them
          </Button>
          <Button
            color="red"
            loading={empty.isPending}
            onClick={() => {
              empty.mutate(undefined, { onSuccess: dialog.close });
            }}
          >
            Empty the basket
          </Button>
        </Group>
      </Modal>
    </>
  );
}
