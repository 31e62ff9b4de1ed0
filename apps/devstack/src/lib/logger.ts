/** A tiny line logger for the CLI: status lines on stdout, problems on stderr (no console.*). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger(prefix = 'devstack'): Logger {
  const line = (stream: NodeJS.WriteStream, level: string, message: string) =>
    stream.write(`[${prefix}] ${level}${message}\n`);
  return {
    info: (m) => line(process.stdout, '', m),
    warn: (m) => line(process.stderr, 'warning: ', m),
    error: (m) => line(process.stderr, 'error: ', m),
  };
}

/** For tests and library callers that want silence. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
