import { PingDto } from '../schemas.ts';
import type { Transport } from '../transport.ts';

/** GET /ping: no authentication; Rucio's version. */
export const ping =
  (t: Transport) =>
  (signal?: AbortSignal): Promise<PingDto> =>
    t.getJson('/ping', PingDto, { signal });
