import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { sendMonthlyReportIfDue, type MonthlyMailDeps } from '../../application/reports.js';
import { sendWebsiteReviewIfDue } from '../../application/website/review.js';

const logger = new Logger({ serviceName: 'monthly-report' });

/** Runs each weekday morning of the first week; sends last month's report on the month's first working day. */
export const createMonthlyReportHandler = (deps: MonthlyMailDeps & { reviewDate?: string | undefined }) =>
  middy<unknown, unknown, Error, Context>()
    .use(injectLambdaContext(logger))
    .handler(async () => {
      const result = await sendMonthlyReportIfDue(deps);
      // The same morning check sends the website review committee's yearly pack on its date.
      const review = await sendWebsiteReviewIfDue({ ...deps, reviewDate: deps.reviewDate });
      logger.info('monthly report', { result, review });
      return { result, review };
    });

let cached: ReturnType<typeof createMonthlyReportHandler> | undefined;

export const handler = async (event: unknown, context: Context) => {
  if (!cached) {
    const { awsServices } = await import('../shared/aws-services.js');
    const { dynamoReadModels } = await import('../../adapters/dynamodb/read-models.js');
    const { awsMailSender } = await import('../shared/aws-mail.js');
    const s = awsServices();
    cached = createMonthlyReportHandler({
      readModels: dynamoReadModels(s.doc, s.env.READ_MODEL_TABLE),
      timeZone: s.agency.config.calendar.timeZone,
      store: s.core.store,
      directory: s.core.directory,
      calendar: s.core.calendar,
      send: awsMailSender(s.env),
      agencyName: s.agency.config.agency.name,
      fromAddress: s.agency.config.agency.intakeAddress,
      now: s.now,
      reviewDate: s.agency.config.website?.reviewDate,
    });
  }
  return cached(event, context);
};
