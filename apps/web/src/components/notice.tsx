import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface NoticeProps {
  /** `error` interrupts screen readers (role alert); `info` is announced politely (role status). */
  kind: 'error' | 'info';
  title: ReactNode;
  children: ReactNode;
  /** Shows a Dismiss button that calls it. */
  onClose?: (() => void) | undefined;
}

const LOOK = {
  error: { role: 'alert', color: 'red', Icon: IconAlertTriangle },
  info: { role: 'status', color: 'yellow', Icon: IconInfoCircle },
} as const;

/** One way to tell people something went wrong or needs their attention: severity decides role, colour and icon. */
export function Notice({ kind, title, children, onClose }: NoticeProps) {
  const { role, color, Icon } = LOOK[kind];
  return (
    <Alert
      role={role}
      color={color}
      variant="light"
      title={title}
      icon={<Icon aria-hidden />}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel="Dismiss"
    >
      {children}
    </Alert>
  );
}
