import { mailDecider } from '../../domain/intake/mail-decider.js';
import { streamIdOf } from '../../domain/shared/stream-id.js';
import { DeciderCommandHandler } from '../command-handler.js';
import type { EventStore } from '../event-store.js';

/** The stream kind of inbound mail: `mail#<sha-256 of the raw message>`. */
export const MAIL_KIND = 'mail';

/**
 * The stream of one inbound mail. Its own module so that code handling held mail (the API's holding
 * pen) names a mail's stream without importing the mail parser that process-mail.ts brings.
 */
export const mailStreamId = (mailId: string): string => streamIdOf(MAIL_KIND, mailId);

/** The command path of inbound mail's streams: intake records a mail, an officer settles a held one. */
export const mailCommands = (store: EventStore) =>
  new DeciderCommandHandler({ store, kind: MAIL_KIND, decider: () => mailDecider, state: mailDecider });
