import { PingDto } from '../schemas.ts';
import type { Transport } from '../transport.ts';

/** GET /ping: no authentication; Rucio's version. */
export const ping =
  (t: Transport) =>
  (options: { signal?: AbortSignal } = {}): Promise<PingDto> =>
    t.json('/ping', PingDto, { signal: options.signal });
