/**
 * One-off generator for the committed dev signing key (src/keys/dev-jwks.json).
 * Run it only to rotate the dev key on purpose: Rucio caches IdP keys for 12 h, so a new key
 * means restarting Rucio too. `pnpm --filter @bdms/dev-idp exec tsx src/keys/generate-dev-jwks.ts`
 */
import { writeFile } from 'node:fs/promises';
import { exportJWK, generateKeyPair, calculateJwkThumbprint } from 'jose';

const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
const jwk = await exportJWK(privateKey);
const kid = await calculateJwkThumbprint(jwk);
const jwks = { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
await writeFile(new URL('./dev-jwks.json', import.meta.url), `${JSON.stringify(jwks, null, 2)}\n`);
process.stdout.write(`wrote dev-jwks.json with kid ${kid}\n`);
