import { SESv2Client } from '@aws-sdk/client-sesv2';
import { sesSender } from '../../adapters/ses/ses-sender.js';
import type { MailSender } from '../../application/outgoing-mail.js';
import type { AwsEnvironment } from './aws-services.js';

/** The agency's SES sender (its configuration set, when deployed with one): mailer, notifier, monthly report. */
export const awsMailSender = (env: AwsEnvironment): MailSender =>
  sesSender(new SESv2Client({}), env.SES_CONFIGURATION_SET);
