/** "1 DID", "3 DIDs". */
export const plural = (n: number, word: string): string =>
  `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** Today's date, ISO (UTC): names of generated files. */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);
