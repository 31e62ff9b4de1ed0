import { Notice } from '@/components/notice.tsx';

/** What a non-admin sees at an admin URL (the BFF refuses the data anyway: 403). */
export function AdminRequired() {
  return (
    <Notice kind="info" title="For portal administrators">
      The quota console is for members of the portal&apos;s administrator group. Your own limits and
      usage are on the My quota page.
    </Notice>
  );
}
