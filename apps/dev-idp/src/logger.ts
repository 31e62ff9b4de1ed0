/** pino logger; anything that could carry a token, secret or cookie is redacted. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    name: 'dev-idp',
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.token',
        '*.password',
      ],
      censor: '[redacted]',
    },
  });
}
