import * as z from 'zod';

/**
 * An event item as a DynamoDB stream record carries it, `streamId` as the reader wants it; heads,
 * counters and other streams fail the parse and are passed over. The envelope is parsed by the catalogue.
 */
export const streamEventItem = (streamId: z.ZodString) =>
  z.looseObject({
    streamId,
    version: z.number().int().positive(),
    type: z.string(),
    schemaVersion: z.number(),
    occurredAt: z.string(),
    actor: z.unknown(),
    data: z.unknown(),
  });
