/**
 * The stream of one inbound mail. Its own module so that code handling held mail (the API's holding
 * pen) names a mail's stream without importing the mail parser that process-mail.ts brings.
 */
export const mailStreamId = (mailId: string): string => `mail#${mailId}`;
