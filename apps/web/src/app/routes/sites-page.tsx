import { SitesPage } from '@/features/rses/components/sites-page.tsx';
import { useMe } from '@/features/session/api/get-me.ts';
import { TransfersPanel, useTransfers } from '@/features/transfers/components/transfers-panel.tsx';

/**
 * The sites page; for admins with the transfers in flight, as arcs on its map and as tables
 * below it (Rucio lists transfers to admin accounts only).
 */
export function SitesRoutePage() {
  const admin = useMe().data?.isAdmin === true;
  const transfers = useTransfers(admin);
  return (
    <SitesPage flows={admin ? transfers.data?.pairs : undefined}>
      {admin && <TransfersPanel />}
    </SitesPage>
  );
}
