/** A failure of one part of the stack, naming the part and where its log is. */
export class StackError extends Error {
  constructor(
    readonly part: string,
    message: string,
    readonly logFile?: string,
    readonly logTail?: string,
  ) {
    const where = logFile ? `\n  log: ${logFile}` : '';
    const tail = logTail ? `\n  last log lines:\n${indent(logTail)}` : '';
    super(`[${part}] ${message}${where}${tail}`);
    this.name = 'StackError';
  }
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
