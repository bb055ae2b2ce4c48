import type { Actor } from '../../domain/agency/actor.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { RequestCommand, RequestCommandOf, RequestCommandType } from '../../domain/request/commands.js';
import { createRequestDecider } from '../../domain/request/decider.js';
import type { RequestEvent } from '../../events/request-events.js';
import { as, necs, system } from './agency.js';
import { DeciderSpecification, playWith } from './decider-spec.js';

export const REF = 'NECS-2026-00001';
/** Friday 20 November 2026, 10:00 in Thimphu: due Friday 27 November at 17:00. */
export const FRIDAY_MORNING = '2026-11-20T10:00:00+06:00';

/** Builds a command as an entry point would: data, who, when. */
export const command = <T extends RequestCommandType>(
  type: T,
  data: RequestCommandOf<T>['data'],
  actor: Actor | string,
  now: string,
): RequestCommandOf<T> =>
  ({ type, data, metadata: { now, actor: typeof actor === 'string' ? as(actor) : actor } }) as RequestCommandOf<T>;

export const deciderWith = (calendar: WorkingCalendar = necs.calendar) =>
  createRequestDecider({ calendar, directory: necs.directory });

/** Runs commands one after another and returns the events; a refusal fails the test. */
export const play = (commands: readonly RequestCommand[], calendar?: WorkingCalendar): RequestEvent[] =>
  playWith(deciderWith(calendar), commands);

/**
 * Given these events, when this command, then these events (or this error, or nothing): the one
 * harness (`DeciderSpecification`) on the request decider. `thenRefused` is `thenThrows`.
 */
export const given = (history: readonly RequestEvent[], calendar?: WorkingCalendar) => ({
  when: (c: RequestCommand) => {
    const then = DeciderSpecification.for(deciderWith(calendar)).given(history).when(c);
    return { ...then, thenRefused: then.thenThrows };
  },
});

// The story of one request, step by step, in business words.
export const receivedByEmail = (receivedAt = FRIDAY_MORNING) =>
  command(
    'ReceiveRequest',
    {
      requestId: REF,
      channel: 'email',
      requester: { name: 'Karma Wangmo', email: 'karma@example.bt', kind: 'public' },
      subject: 'Air quality data for Thimphu, 2025',
      body: { inline: 'Could you share the monthly PM2.5 readings for Thimphu in 2025?' },
      attachments: [],
      receivedAt,
      messageId: '<abc@example.bt>',
    },
    system('email-intake'),
    receivedAt,
  );
export const assignedToLegal = (now = '2026-11-20T11:00:00+06:00') =>
  command('AssignRequest', { division: 'legal', assignee: 'legal.officer' }, 'ict.officer', now);
/** The legal spokesperson records their own outcome: no one else may record it for them. */
export const spokespersonCleared = (now = '2026-11-23T10:00:00+06:00') =>
  command(
    'RecordConsultation',
    { with: 'spokesperson', person: 'spokesperson.legal', outcome: 'cleared' },
    'spokesperson.legal',
    now,
  );
/** The legal officer asks the legal spokesperson for their view. */
export const spokespersonAsked = (now = '2026-11-23T09:00:00+06:00') =>
  command(
    'RequestConsultation',
    { person: 'spokesperson.legal', question: 'May we share the 2025 readings?' },
    'legal.officer',
    now,
  );
export const divisionAdvised = (now = '2026-11-23T09:30:00+06:00') =>
  command('RecordConsultation', { with: 'division', person: 'legal.chief', outcome: 'advice' }, 'legal.officer', now);
export const fullResponse = (now = '2026-11-24T15:00:00+06:00', responseId = 'resp-1') =>
  command(
    'SendResponse',
    { responseId, body: { inline: 'Please find the readings attached.' }, disposition: 'full', attachments: [] },
    'legal.officer',
    now,
  );
export const clarificationAsked = (now = '2026-11-24T10:00:00+06:00') =>
  command('RequestClarification', { message: { inline: 'Which stations do you need?' } }, 'legal.officer', now);
export const requesterAnswered = (now = '2026-11-30T10:00:00+06:00') =>
  command(
    'ReceiveRequesterMessage',
    {
      from: 'karma@example.bt',
      subject: 'Re: [NECS-2026-00001]',
      body: { inline: 'Thimphu core only.' },
      attachments: [],
      receivedAt: now,
      channel: 'email',
    },
    system('email-intake'),
    now,
  );

/** Events of a request received on Friday morning and assigned to Legal. */
export const assignedRequest = () => play([receivedByEmail(), assignedToLegal()]);
/** … and cleared by a spokesperson, ready to answer. */
export const readyToAnswer = () => play([receivedByEmail(), assignedToLegal(), spokespersonCleared()]);
/** … and answered. */
export const answeredRequest = () =>
  play([receivedByEmail(), assignedToLegal(), spokespersonCleared(), fullResponse()]);
