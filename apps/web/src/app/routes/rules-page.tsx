import { useMe } from '@/features/session/api/get-me.ts';
import { RulesPage } from '@/features/rules/components/rules-page.tsx';

/** The rules page, told whether the user may look at other accounts' rules (admins). */
export function RulesRoutePage() {
  const me = useMe();
  return <RulesPage isAdmin={me.data?.isAdmin ?? false} />;
}
