import { DownloadLink, DownloadLinkList } from '@bdms/contract';

/** A file as the devstack seeds it, under a CTAO path. */
export const LINK_FILE = {
  scope: 'acada',
  name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03/SUB002_CHUNK000.fits.fz',
};

/** A link as the BFF lists it (contract-checked): an active link to LINK_FILE, used twice. */
export const makeLink = (overrides: Partial<DownloadLink> = {}): DownloadLink =>
  DownloadLink.parse({
    id: 'l1',
    ...LINK_FILE,
    url: 'http://portal.test/links/eyJ.x.y/SUB002_CHUNK000.fits.fz',
    bytes: 4853,
    adler32: 'bc7e9586',
    createdAt: '2026-12-03T12:00:00.000Z',
    expiresAt: '2026-12-04T12:00:00.000Z',
    revokedAt: null,
    state: 'active',
    uses: 2,
    lastUsedAt: '2026-12-03T13:00:00.000Z',
    ...overrides,
  });

/** The row a curl, wget or Metalink script makes: no file of its own (`collection`: what it covers). */
export const makeScriptLink = (
  collection: { scope: string; name: string },
  overrides: Partial<DownloadLink> = {},
): DownloadLink =>
  makeLink({
    ...collection,
    url: 'http://portal.test/links/eyJ.s.t/x',
    bytes: null,
    adler32: null,
    uses: 0,
    lastUsedAt: null,
    ...overrides,
  });

/** The revoked twin of a link, as DELETE /api/links/:id answers it. */
export const revokedLink = (link: DownloadLink, at = '2026-12-03T14:00:00.000Z'): DownloadLink =>
  makeLink({ ...link, state: 'revoked', revokedAt: at });

export const makeLinkList = (links: DownloadLink[], maxHours = 168): DownloadLinkList =>
  DownloadLinkList.parse({ links, maxHours });
