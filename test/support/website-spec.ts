import type { Actor } from '../../domain/agency/actor.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { WebsiteCommand, WebsiteCommandOf, WebsiteCommandType } from '../../domain/website/commands.js';
import { createWebsiteDecider } from '../../domain/website/decider.js';
import type { WebsiteAttachment, WebsiteEvent } from '../../events/website-events.js';
import { as, necs, plainCalendar } from './agency.js';
import { DeciderSpecification, playWith } from './decider-spec.js';

export const UPDATE = 'WEB-2026-00001';

export const websiteCommand = <T extends WebsiteCommandType>(
  type: T,
  data: WebsiteCommandOf<T>['data'],
  actor: Actor | string,
  now: string,
): WebsiteCommandOf<T> =>
  ({ type, data, metadata: { now, actor: typeof actor === 'string' ? as(actor) : actor } }) as WebsiteCommandOf<T>;

export const websiteDecider = (calendar: WorkingCalendar = plainCalendar()) =>
  createWebsiteDecider({ calendar, directory: necs.directory, ictDivision: 'ict' });

/** Runs commands one after another; a refusal fails the test. */
export const playWebsite = (commands: readonly WebsiteCommand[], calendar?: WorkingCalendar): WebsiteEvent[] =>
  playWith(websiteDecider(calendar), commands);

/**
 * Given these events, when this command, then these events (or this refusal, or nothing): the one
 * harness (`DeciderSpecification`) on the website decider. `thenRefused` is `thenThrows`.
 */
export const givenWebsite = (history: readonly WebsiteEvent[], calendar?: WorkingCalendar) => ({
  when: (c: WebsiteCommand) => {
    const then = DeciderSpecification.for(websiteDecider(calendar)).given(history).when(c);
    return { ...then, thenRefused: then.thenThrows };
  },
});

// The story of one update in business words. Monday 23 November 2026 is a working day.
export const legalReportsItsWorkshop = (now = '2026-11-23T10:00:00+06:00', eventDate: string | null = '2026-11-20') =>
  websiteCommand(
    'SubmitWebsiteUpdate',
    {
      updateId: UPDATE,
      kind: 'event',
      title: 'Workshop on the Environmental Assessment Act',
      body: { inline: 'Held on Friday in Thimphu.' },
      ...(eventDate ? { eventDate } : {}),
      attachments: [],
    },
    'legal.officer',
    now,
  );
/** PPD proposes publishing the air-quality data that requesters keep asking for. */
export const ppdProposesAirQualityData = (
  requestIds: readonly string[] = ['NECS-2026-00001'],
  attachments: readonly WebsiteAttachment[] = [],
) =>
  websiteCommand(
    'ProposeFromCommonRequests',
    {
      updateId: UPDATE,
      topic: 'air quality',
      title: 'Air quality data',
      body: { inline: 'Asked 3 times.' },
      requestIds: [...requestIds],
      attachments: [...attachments],
    },
    'ppd.officer',
    '2026-11-23T10:00:00+06:00',
  );
export const ictConfirmsComplete = (now = '2026-11-23T14:00:00+06:00') =>
  websiteCommand('ConfirmComplete', {}, 'ict.officer', now);
export const ictReturnsIt = (now = '2026-11-23T15:00:00+06:00', reason = 'Photographs missing') =>
  websiteCommand('ReturnIncomplete', { reason }, 'ict.officer', now);
export const legalResubmits = (now = '2026-11-25T10:00:00+06:00') =>
  websiteCommand('ResubmitWebsiteUpdate', { body: { inline: 'With photographs.' } }, 'legal.officer', now);
export const ictPublishes = (now = '2026-11-24T11:00:00+06:00', url = 'https://www.necs.example/news/eaa-workshop') =>
  websiteCommand('RecordPublished', { url }, 'ict.head', now);
export const scanAt = (now: string) =>
  websiteCommand('CheckWebsiteSla', {}, { kind: 'system', component: 'sla-scan' }, now);
