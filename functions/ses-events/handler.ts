import { Logger } from '@aws-lambda-powertools/logger';
import { sqsBatchHandler } from '../shared/batch-handler.js';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { RequestCommands } from '../../application/request/commands.js';
import { commandForNotification, parseSesQueueBody } from '../../application/ses-notifications.js';

const logger = new Logger({ serviceName: 'ses-events' });

/** Records SES delivery, bounce and complaint notifications on the request whose mail it was. */
export const createSesEventsHandler = (deps: { commands: RequestCommands; now: () => Date }) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const notification = parseSesQueueBody(record.body);
    const mapped = commandForNotification(notification, deps.now().toISOString());
    if (!mapped) {
      logger.info('notification ignored', { eventType: notification.eventType });
      return;
    }
    const outcome = await deps.commands.execute(mapped.requestId, mapped.command);
    if (!outcome.ok) {
      // A report for mail the request never sent cannot be placed; keep it visible, do not retry forever.
      logger.warn('notification not recorded', {
        requestId: mapped.requestId,
        code: outcome.error.code,
        reason: outcome.error.message,
      });
      return;
    }
    logger.info('notification recorded', {
      requestId: mapped.requestId,
      type: mapped.command.type,
      appended: outcome.events.length,
    });
  };
  return sqsBatchHandler(logger, recordHandler);
};

let cached: ReturnType<typeof createSesEventsHandler> | undefined;

export const handler = async (event: SQSEvent, context: Context) => {
  if (!cached) {
    const { awsServices } = await import('../shared/aws-services.js');
    const s = awsServices();
    cached = createSesEventsHandler({ commands: s.core.commands, now: s.now });
  }
  return cached(event, context);
};
