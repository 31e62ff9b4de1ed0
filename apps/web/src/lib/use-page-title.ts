import { useDocumentTitle } from '@mantine/hooks';

export const PRODUCT_NAME = 'BDMS Portal';

/** Each page names itself first, so browser tabs and history entries tell pages apart. */
export function usePageTitle(title: string): void {
  useDocumentTitle(`${title} · ${PRODUCT_NAME} · CTAO`);
}
