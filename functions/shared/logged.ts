import type { Logger } from '@aws-lambda-powertools/logger';

/**
 * Wraps a batch record handler so that each failure is logged with its reason before the batch
 * processor reports it back: a full-batch failure otherwise shows no cause.
 */
export const logged =
  <R>(logger: Logger, what: string, handle: (record: R) => Promise<void>) =>
  async (record: R): Promise<void> => {
    try {
      await handle(record);
    } catch (err) {
      logger.error(`${what} failed`, { error: err as Error });
      throw err;
    }
  };
