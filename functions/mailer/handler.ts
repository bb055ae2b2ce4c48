import { Logger } from '@aws-lambda-powertools/logger';
import { sqsBatchHandler } from '../shared/batch-handler.js';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { QueuedMail } from '../../application/mail-jobs.js';
import { sendConfirmationMail } from '../../application/portal/confirmation-mail.js';
import type { SubmissionStore } from '../../application/portal/submission-store.js';
import { sendMailJob, type SendMailDeps } from '../../application/send-mail.js';
import { consoleLinks } from '../../domain/sla/links.js';

const logger = new Logger({ serviceName: 'mailer' });

/** The mailer's needs: a request's mail, and the portal's unconfirmed submissions for confirmation mail. */
export interface MailerDeps extends SendMailDeps {
  /** Where the portal keeps unconfirmed submissions; a confirmation job fails (and is retried) without it. */
  readonly submissions?: SubmissionStore;
}

/**
 * Sends queued mail: a request's mail, or a portal confirmation. A failed job is reported back to SQS (partial batch response) and retried after
 * its visibility timeout, then lands in the dead-letter queue; a malformed job fails loudly the same way.
 */
export const createMailerHandler = (deps: MailerDeps) => {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const job = QueuedMail.parse(JSON.parse(record.body));
    if (job.purpose === 'portal_confirmation') {
      const { submissions, portalUrl } = deps;
      if (!submissions || !portalUrl) throw new Error('portal confirmation queued where the portal is not set up');
      const result = await sendConfirmationMail({ ...deps, submissions, baseUrl: portalUrl }, job);
      // The token is the link's secret: never logged.
      logger.info('mail job done', { purpose: job.purpose, result });
      return;
    }
    const result = await sendMailJob(deps, job);
    logger.info('mail job done', { mailId: job.mailId, purpose: job.purpose, result });
  };
  return sqsBatchHandler(logger, recordHandler);
};

let cached: ReturnType<typeof createMailerHandler> | undefined;

/** The mailer Lambda on AWS: SES v2 in the function's region, the reply-token key from Secrets Manager. */
export const handler = async (event: SQSEvent, context: Context) => {
  if (!cached) {
    const { awsServices } = await import('../shared/aws-services.js');
    const { awsObjects } = await import('../shared/aws-objects.js');
    const { awsReplySecret } = await import('../shared/aws-reply-secret.js');
    const { awsMailSender } = await import('../shared/aws-mail.js');
    const s = awsServices();
    const objects = awsObjects(s.env);
    const { trackingPath } = await import('../../domain/portal/tracking-token.js');
    const replySecret = await awsReplySecret(s.env);
    // Social requests are answered privately through Meta's Send API, with the page token from Secrets Manager.
    const social = s.env.META_SECRET_ARN
      ? await (async () => {
          const { awsMetaSecret } = await import('../shared/aws-meta-secret.js');
          const { graphMessenger } = await import('../../adapters/social/graph-messenger.js');
          const secret = awsMetaSecret(s.env.META_SECRET_ARN as string);
          const portalUrl = s.env.PORTAL_URL;
          return {
            messenger: graphMessenger(async () => (await secret()).pageAccessToken),
            commands: s.core.commands,
            objects,
            agency: s.agency,
            now: s.now,
            ...(portalUrl
              ? {
                  trackUrlFor: (id: string) =>
                    `${portalUrl.replace(/\/portal\/?$/, '')}${trackingPath(replySecret, id)}`,
                }
              : {}),
          };
        })()
      : undefined;
    cached = createMailerHandler({
      store: s.core.store,
      decider: s.core.decider,
      objects: awsObjects(s.env),
      send: awsMailSender(s.env),
      agency: s.agency,
      replySecret,
      now: s.now,
      directory: s.core.directory,
      ...(s.env.PORTAL_URL
        ? {
            portalUrl: s.env.PORTAL_URL,
            submissions: (await import('../../adapters/dynamodb/portal-submissions.js')).dynamoSubmissionStore(
              s.doc,
              s.env.READ_MODEL_TABLE,
            ),
          }
        : {}),
      linkFor: consoleLinks(process.env.APP_URL ?? `https://desk.${s.agency.config.agency.domain}`),
      ...(social ? { social } : {}),
    });
  }
  return cached(event, context);
};
