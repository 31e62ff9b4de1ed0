import { DEV_PORTS, devIssuer } from '@bdms/dev-fixtures';

/** The e2e suite's only reader of the environment. */
export const e2eEnv = {
  ci: Boolean(process.env.CI),
  portalUrl: process.env.PORTAL_URL ?? `http://localhost:${DEV_PORTS.portal}`,
  rucioUrl: process.env.RUCIO_URL ?? `http://127.0.0.1:${DEV_PORTS.rucio}`,
  issuer: process.env.OIDC_ISSUER ?? devIssuer(),
  chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  jsonReport: process.env.E2E_JSON_REPORT ?? 'test-results/report.json',
};
