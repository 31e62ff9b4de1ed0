import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs a shell script in a fresh folder (asynchronously: the BFF serving its links runs in this
 * process); its exit status, output and the folder.
 */
export async function runScript(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'script-'));
  writeFileSync(join(dir, 'get.sh'), text);
  const child = spawn('sh', ['get.sh'], { cwd: dir });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, output, dir };
}

/** A ZIP read back by Python's zipfile (a reader that is not ours): testzip checks every CRC. */
export const READ_ZIP = `import json,sys,zipfile,zlib
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([{"name":i.filename,"size":i.file_size,"stored":i.compress_type==zipfile.ZIP_STORED,"adler32":"%08x" % zlib.adler32(z.read(i))} for i in z.infolist()]))`;
