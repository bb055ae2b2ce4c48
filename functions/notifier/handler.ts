import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DigestJob, sendDigest, type NotifyDeps } from '../../application/sla/notify.js';
import { sqsBatchHandler } from '../shared/batch-handler.js';
import { consolePages } from '../../application/workflows.js';
import { consoleLinks } from '../../domain/sla/links.js';

const logger = new Logger({ serviceName: 'notifier' });

/** Sends the scan's alert digests (SQS, FIFO per recipient). */
export const createNotifierHandler = (deps: NotifyDeps) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const job = DigestJob.parse(JSON.parse(record.body));
    const result = await sendDigest(deps, job);
    logger.info('digest done', { digestId: job.digestId, items: job.items.length, result });
  };
  return sqsBatchHandler(logger, recordHandler);
};

let cached: ReturnType<typeof createNotifierHandler> | undefined;

export const handler = async (event: SQSEvent, context: Context) => {
  if (!cached) {
    const { awsServices } = await import('../shared/aws-services.js');
    const { awsMailSender } = await import('../shared/aws-mail.js');
    const s = awsServices();
    cached = createNotifierHandler({
      store: s.core.store,
      workflows: s.core.workflows,
      directory: s.core.directory,
      calendar: s.core.calendar,
      send: awsMailSender(s.env),
      agencyName: s.agency.config.agency.name,
      fromAddress: s.agency.config.agency.intakeAddress,
      linkFor: consoleLinks(process.env.APP_URL ?? `https://desk.${s.agency.config.agency.domain}`, consolePages),
      now: s.now,
    });
  }
  return cached(event, context);
};
