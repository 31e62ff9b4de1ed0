import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX } from '@tabler/icons-react';
import { useHealth } from '../api/get-health.ts';
import { useRefetchOnRecovery } from '../hooks/use-refetch-on-recovery.ts';
import { describeOutage } from '../utils/describe-outage.ts';

/** Polls the BFF's health and says plainly what is down; goes away by itself on recovery. */
export function HealthBanner() {
  const health = useHealth();
  // In v5 a failed refetch keeps the old data but sets status 'error': the latest poll wins.
  const outage = describeOutage(health.data, health.status === 'error' ? health.error : null);
  useRefetchOnRecovery(outage !== null);
  if (!outage) return null;
  const unreachable = outage.title !== undefined;
  return (
    <Alert
      role="alert"
      color={unreachable ? 'red' : 'orange'}
      variant="light"
      radius={0}
      title={outage.title}
      icon={unreachable ? <IconPlugConnectedX aria-hidden /> : <IconAlertTriangle aria-hidden />}
    >
      {outage.lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}
