/**
 * Scripts and manifests for a collection's files, written one line per file as Rucio lists them
 * (constant memory for any number of files). The curl and wget scripts fetch through signed
 * portal links and check every file against Rucio's adler32 (python3's zlib) or md5 (md5sum),
 * stopping at the first mismatch with a non-zero exit; the Metalink (RFC 5854) carries the same
 * links and md5; the manifests (CSV, and JSON lines: one object per file) carry names, sizes and
 * checksums only.
 */
import type { SCRIPT_FORMATS } from '@bdms/contract';
import { rucioSetupComments, type RucioClientSetup } from './rucio-script.ts';

export type ScriptFormat = (typeof SCRIPT_FORMATS)[number];

export interface ScriptFile {
  scope: string;
  name: string;
  /** Where the file goes, relative to where the script runs. */
  path: string;
  bytes: number | null;
  adler32: string | null;
  md5: string | null;
  /** The signed link (curl, wget, metalink). */
  url?: string | undefined;
  /** The tape RSEs when the file has no disk copy: a staging request must come first. */
  tapeOnly?: readonly string[] | undefined;
}

export interface ScriptHeader {
  /** What the script covers, in words (`scope:name` for one DID). */
  did: string;
  /** Every DID covered, `scope:name` (for `rucio download`). */
  dids: string[];
  expiresAt: string | null;
  portal: string;
  /** What the `rucio download` script tells the user to set up. */
  rucio?: RucioClientSetup | undefined;
}

export const SCRIPT_MEDIA: Record<ScriptFormat, { type: string; extension: string }> = {
  curl: { type: 'text/x-shellscript; charset=utf-8', extension: 'curl.sh' },
  wget: { type: 'text/x-shellscript; charset=utf-8', extension: 'wget.sh' },
  rucio: { type: 'text/x-shellscript; charset=utf-8', extension: 'rucio.sh' },
  metalink: { type: 'application/metalink4+xml', extension: 'meta4' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { type: 'application/jsonl', extension: 'jsonl' },
};

/** A single-quoted shell word: any byte but `'` is literal inside; `'` is closed, escaped, reopened. */
export const shellWord = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
const xml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const VERIFY = String.raw`check() {
  if [ -n "$2" ] && command -v python3 >/dev/null 2>&1; then
    got=$(python3 -c 'import sys, zlib
h = 1
with open(sys.argv[1], "rb") as f:
    for block in iter(lambda: f.read(1 << 20), b""):
        h = zlib.adler32(block, h)
print("%08x" % h)' "$1")
    [ "$got" = "$2" ] || { echo "adler32 mismatch for $1: got $got, Rucio records $2" >&2; exit 1; }
  elif [ -n "$3" ] && command -v md5sum >/dev/null 2>&1; then
    got=$(md5sum "$1" | cut -d' ' -f1)
    [ "$got" = "$3" ] || { echo "md5 mismatch for $1: got $got, Rucio records $3" >&2; exit 1; }
  else
    echo "cannot verify $1: python3 (adler32) or md5sum (md5) is needed" >&2; exit 2
  fi
  ok=$((ok + 1))
}`;

const TOOL = {
  curl: 'curl --fail --location --silent --show-error --retry 3 --output "$2" "$1"',
  wget: 'wget --quiet --tries=3 --output-document="$2" "$1"',
};

function shellHeader(format: 'curl' | 'wget', h: ScriptHeader): string {
  return `#!/bin/sh
# Fetches ${h.did} from the BDMS portal (${h.portal}) with ${format}, through signed links that
# work until ${h.expiresAt ?? '?'} (or until their owner revokes them in My links).
# Each file is checked against Rucio's adler32 (python3) or md5 (md5sum) once downloaded;
# the script stops at the first file that does not match, with a non-zero exit status.
# Files on tape only are not fetched but named, and the script then exits with status 4:
# request them staged in the portal ("Request staging"), then run it again.
set -eu
ok=0
tape=0
${VERIFY}
fetch() {
  mkdir -p "$(dirname "$2")"
  ${TOOL[format]}
  check "$2" "$3" "$4"
}
on_tape() {
  echo "on tape only ($2), not fetched: $1" >&2
  tape=$((tape + 1))
}
`;
}

/** `rucio download` for the DIDs, 50 to a command (short lines, well within any shell's limits). */
function rucioDownloads(dids: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < dids.length; i += 50)
    lines.push(
      `rucio download --dir . ${dids
        .slice(i, i + 50)
        .map(shellWord)
        .join(' ')}\n`,
    );
  return lines.join('');
}

/** The first part of the output, before any file. */
export function scriptStart(format: ScriptFormat, h: ScriptHeader): string {
  switch (format) {
    case 'curl':
    case 'wget':
      return shellHeader(format, h);
    case 'rucio':
      return `#!/bin/sh
# Fetches ${h.did} with the Rucio client: Rucio picks the replicas, reads them from the
# token-protected storage with your own token, and checks each file's checksum.
${rucioSetupComments(h.rucio)}
set -eu
ok=0
${VERIFY}
verify() {
  [ -f "$1" ] || { echo "missing $1: rucio download did not fetch it (see its messages above)" >&2; exit 1; }
  check "$1" "$2" "$3"
}
${rucioDownloads(h.dids)}`;
    case 'metalink':
      return `<?xml version="1.0" encoding="UTF-8"?>\n<metalink xmlns="urn:ietf:params:xml:ns:metalink">\n  <generator>BDMS portal</generator>\n  <published>${new Date().toISOString().slice(0, 19)}Z</published>\n`;
    case 'csv':
      return 'scope,name,path,bytes,adler32,md5\n';
    case 'json':
      return '';
  }
}

/** One file's line(s). */
export function scriptFile(format: ScriptFormat, f: ScriptFile): string {
  switch (format) {
    case 'curl':
    case 'wget':
      if (f.tapeOnly?.length)
        return `on_tape ${shellWord(f.path)} ${shellWord(f.tapeOnly.join(', '))}\n`;
      return `fetch ${shellWord(f.url ?? '')} ${shellWord(f.path)} ${shellWord(f.adler32 ?? '')} ${shellWord(f.md5 ?? '')}\n`;
    case 'rucio':
      return `verify ${shellWord(f.path)} ${shellWord(f.adler32 ?? '')} ${shellWord(f.md5 ?? '')}\n`;
    case 'metalink':
      return `${f.tapeOnly?.length ? `  <!-- on tape only (${xml(f.tapeOnly.join(', '))}): request it staged first -->\n` : ''}  <file name="${xml(f.path)}">\n${f.bytes === null ? '' : `    <size>${String(f.bytes)}</size>\n`}${f.md5 ? `    <hash type="md5">${xml(f.md5)}</hash>\n` : ''}    <url priority="1">${xml(f.url ?? '')}</url>\n  </file>\n`;
    case 'csv':
      return `${[f.scope, f.name, f.path, String(f.bytes ?? ''), f.adler32 ?? '', f.md5 ?? ''].map(csvField).join(',')}\n`;
    case 'json':
      return `${JSON.stringify({ scope: f.scope, name: f.name, path: f.path, bytes: f.bytes, adler32: f.adler32, md5: f.md5 })}\n`;
  }
}

/** The end, once every file is written (`files`: how many). */
export function scriptEnd(format: ScriptFormat, files: number): string {
  switch (format) {
    case 'curl':
    case 'wget':
      return `echo "$ok of ${String(files)} files downloaded and verified"
if [ "$tape" -gt 0 ]; then
  echo "$tape files are on tape only: request them staged in the portal, then run this again" >&2
  exit 4
fi
`;
    case 'rucio':
      return `echo "$ok of ${String(files)} files downloaded and verified"\n`;
    case 'csv':
      return '';
    case 'metalink':
      return '</metalink>\n';
    case 'json':
      return '';
  }
}
