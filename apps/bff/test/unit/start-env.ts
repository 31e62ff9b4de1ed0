/** The smallest environment start() accepts; nothing answers on these ports. */
export const START_ENV = {
  PORT: '0',
  OIDC_ISSUER: 'http://127.0.0.1:9/',
  OIDC_ALLOW_INSECURE: '1',
  OIDC_CLIENT_ID: 'c',
  OIDC_CLIENT_SECRET: 's',
  RUCIO_URL: 'http://127.0.0.1:9',
  LOG_LEVEL: 'silent',
};
