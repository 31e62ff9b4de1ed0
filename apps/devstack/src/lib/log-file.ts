/** Append-only part logs in .devstack/logs, and their tails for error messages. */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Opens the log for appending (the file descriptor is handed to a child's stdout/stderr). */
export function openLog(file: string, header: string): number {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a');
  writeSync(fd, `\n=== ${new Date().toISOString()} ${header}\n`);
  return fd;
}

export function closeLog(fd: number): void {
  closeSync(fd);
}

/** The last `lines` lines; reads the whole file, which is fine for dev logs of a few MB. */
export function tailLog(file: string, lines = 20): string {
  if (!existsSync(file)) return '(no log written)';
  const all = readFileSync(file, 'utf8').trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}
