import { z } from 'zod';
import { DidName, ScopeName } from '../names.ts';
import { DidType } from '../dids/schemas.ts';

/** How many DIDs one user's basket holds at most; beyond it an add answers 409. */
export const BASKET_MAX_DIDS = 10_000;
/** How many DIDs one add or remove may name (Rucio's bulk calls take 1 000). */
export const BASKET_MAX_PER_CALL = 1_000;

/** A DID named in a request: scope and name, nothing else (another key is a 400 naming it). */
export const BasketDid = z
  .strictObject({ scope: ScopeName, name: DidName })
  .meta({ id: 'BasketDid' });
export type BasketDid = z.infer<typeof BasketDid>;

export const BasketDids = z
  .strictObject({
    dids: z
      .array(BasketDid)
      .min(1, { message: 'is empty: name at least one DID' })
      .max(BASKET_MAX_PER_CALL, { message: `holds more than ${BASKET_MAX_PER_CALL} DIDs` }),
  })
  .meta({ id: 'BasketDids' });
export type BasketDids = z.infer<typeof BasketDids>;

export const BasketWhere = z.enum(['disk', 'tape-only', 'partial', 'none', 'unknown']).meta({
  id: 'BasketWhere',
  description:
    'disk: a disk replica of every file; tape-only: some file is only on tape; partial: some files have no replica at all, none on tape only; none: no file has an available replica; unknown: Rucio no longer knows the DID, or a container was too large to walk',
});
export type BasketWhere = z.infer<typeof BasketWhere>;

export const FigureSource = z.enum(['exact', 'dataset_replicas', 'unknown']).meta({
  id: 'BasketFigureSource',
  description:
    "exact: Rucio's DID record or its file replicas, as of now; dataset_replicas: Rucio's dataset-replica table, which its daemon updates later (it lags); unknown: Rucio does not say",
});
export type FigureSource = z.infer<typeof FigureSource>;

export const BasketItem = z
  .object({
    scope: z.string(),
    name: z.string(),
    type: DidType.describe('As Rucio said when the DID was added'),
    addedAt: z.string().describe('ISO 8601: when the DID was added'),
    files: z.number().int().nullable().describe('null when Rucio does not say'),
    bytes: z.number().nullable().describe('null when Rucio does not say'),
    bytesTapeOnly: z
      .number()
      .nullable()
      .describe('Bytes of files with no disk replica but one on tape; null when unknown'),
    where: BasketWhere,
    sizeSource: FigureSource.describe('Where `files` and `bytes` come from'),
    whereSource: FigureSource.describe('Where `where` and `bytesTapeOnly` come from'),
  })
  .meta({ id: 'BasketItem' });
export type BasketItem = z.infer<typeof BasketItem>;

export const Basket = z
  .object({
    items: z.array(BasketItem).describe('Newest first'),
    totals: z.object({
      dids: z.number().int(),
      files: z.number().int().describe('Summed over the items (a file and its dataset both count)'),
      bytes: z.number(),
      bytesTapeOnly: z.number(),
      exact: z
        .boolean()
        .describe("false when some figure comes from Rucio's dataset-replica table or is unknown"),
      unknown: z.number().int().describe('Items whose figures Rucio did not give (left out)'),
    }),
    max: z.number().int().describe('How many DIDs one basket holds at most'),
    fetchedAt: z.string().describe('ISO 8601: when Rucio was asked'),
  })
  .meta({ id: 'Basket' });
export type Basket = z.infer<typeof Basket>;

/** A DID in an answer (the BFF checked it on the way in). */
const NamedDid = z.object({ scope: z.string(), name: z.string() });

export const BasketChange = z
  .object({
    added: z.array(NamedDid).describe('Put in the basket by this call'),
    already: z.array(NamedDid).describe('Named, but in the basket already (kept once)'),
    removed: z.array(NamedDid).describe('Taken out by this call'),
    count: z.number().int().describe('DIDs in the basket now'),
    max: z.number().int(),
  })
  .meta({ id: 'BasketChange' });
export type BasketChange = z.infer<typeof BasketChange>;

export const BasketCount = z
  .object({ count: z.number().int(), max: z.number().int() })
  .meta({ id: 'BasketCount' });
export type BasketCount = z.infer<typeof BasketCount>;
