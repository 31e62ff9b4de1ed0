/**
 * What the `rucio download` script needs beyond the command: the setup it tells the user about,
 * and where Rucio 41's download client puts each file (so the script can check every one).
 *
 * How `rucio download` reads token-protected storage (rucio-clients 41, read in its source):
 * with `auth_type = oidc` the client takes a WLCG bearer token from the environment
 * (`BEARER_TOKEN`, the file named by `BEARER_TOKEN_FILE`, `$XDG_RUNTIME_DIR/bt_u<uid>`,
 * `/tmp/bt_u<uid>`: common/utils.py `wlcg_token_discovery`) and sends it to Rucio; the download
 * client hands that same token to the storage as `Authorization: Bearer` (downloadclient.py keeps
 * `client.auth_token` when it is a JWT; rse/protocols/webdav.py and gfal.py send it). Rucio's
 * server hands out no storage token for downloads (`oidc_support` on an RSE only serves FTS and
 * the reaper). So the user's one token must carry both audiences, Rucio's and the storage's, and
 * `storage.read:/`: the WebDAV client first checks the RSE's base path, which a narrower
 * `storage.read` does not cover. Rucio's own WebDAV client reads `https` PFNs only.
 */

/** What the portal knows about the Rucio and IdP a user's client talks to. */
export interface RucioClientSetup {
  /** Rucio's URL (rucio_host and auth_host). */
  rucioUrl: string;
  /** The IdP (CTAO IAM) that issues the token. */
  issuer: string;
  /** The audiences the token needs, space-separated: Rucio's and the storage's. */
  audience: string;
  /** The scopes it needs. */
  scope: string;
}

/** From the BFF's config: a token with both audiences and `storage.read:/`. */
export const rucioClientSetup = (c: {
  rucio: { url: string };
  oidc: { issuer: string; audience: string };
  storage: { audience: string };
}): RucioClientSetup => ({
  rucioUrl: c.rucio.url,
  issuer: c.oidc.issuer,
  audience: [...new Set([c.oidc.audience, c.storage.audience])].join(' '),
  scope: 'openid profile storage.read:/',
});

/** Shell comments telling the user how to set the client up (one `#` line each). */
export function rucioSetupComments(s: RucioClientSetup | undefined): string {
  const host = s?.rucioUrl ?? '<this Rucio>';
  const issuer = s?.issuer ?? "CTAO's IAM";
  const audience = s?.audience ?? 'rucio <the storage>';
  const scope = s?.scope ?? 'openid profile storage.read:/';
  return `#
# Before running it:
# 1. rucio-clients (tested with 41.5.1) configured for this Rucio, e.g. in a rucio.cfg that
#    RUCIO_CONFIG points at:
#      [client]
#      rucio_host = ${host}
#      auth_host = ${host}
#      auth_type = oidc
#      account = <your Rucio account>
# 2. An access token from ${issuer} for Rucio and the storage at once:
#      audience: ${audience}
#      scope:    ${scope}
#    With oidc-agent, for instance:
#      (umask 077; oidc-token --aud="${audience}" --scope="${scope}" <your oidc-agent account> > "$HOME/.bdms-token")
#      export BEARER_TOKEN_FILE="$HOME/.bdms-token"
#    rucio-clients read the token from BEARER_TOKEN, the file BEARER_TOKEN_FILE names,
#    $XDG_RUNTIME_DIR/bt_u$(id -u) or /tmp/bt_u$(id -u) (WLCG token discovery). rucio download
#    hands the storage that same token, so it needs the storage's audience and storage.read:/
#    (the client first checks each storage's base path). Tokens expire (an hour at IAM): get a
#    fresh one before a long download.
# Rucio checks each file's adler32 as it downloads it; this script checks every file again
# afterwards and exits non-zero if one is missing or does not match.`;
}

const stripped = (name: string): string => (name.startsWith('/') ? name.slice(1) : name);

/**
 * Where `rucio download --dir .` puts `file` when given `dids` (`scope:name` each), as
 * downloadclient.py `_prepare_items_for_download` does: a file given itself goes to
 * `<scope>/<name>`; a file of a given collection to `<collection name>/<file name>`, where a
 * hierarchical file name (`/ctao/…/x.fits.fz`) keeps only its last part (one leading `/` is
 * dropped from either name). The collection is the first given DID whose name is a folder of
 * the file's (CTAO names are paths), else the only one.
 */
export function rucioDownloadPath(
  dids: readonly string[],
  file: { scope: string; name: string },
): string {
  const given = dids.map((d) => {
    const i = d.indexOf(':');
    return { scope: d.slice(0, i), name: d.slice(i + 1) };
  });
  if (given.some((d) => d.scope === file.scope && d.name === file.name))
    return `${file.scope}/${stripped(file.name)}`;
  const parent =
    given.find((d) => file.name.startsWith(`${d.name.replace(/\/+$/, '')}/`)) ??
    (given.length === 1 ? given[0] : undefined);
  const inside = file.name.startsWith('/') ? (file.name.split('/').pop() ?? '') : file.name;
  return parent ? `${stripped(parent.name)}/${inside}` : `${file.scope}/${stripped(file.name)}`;
}
