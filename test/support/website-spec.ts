import { expect } from '@jest/globals';
import type { Actor } from '../../domain/agency/actor.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { DomainError, type DomainErrorCode } from '../../domain/shared/errors.js';
import type { WebsiteCommand, WebsiteCommandOf, WebsiteCommandType } from '../../domain/website/commands.js';
import { createWebsiteDecider } from '../../domain/website/decider.js';
import { foldWebsite, type WebsiteState } from '../../domain/website/state.js';
import type { WebsiteEvent } from '../../events/website-events.js';
import { as, necs, plainCalendar } from './agency.js';

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
export const playWebsite = (commands: readonly WebsiteCommand[], calendar?: WorkingCalendar): WebsiteEvent[] => {
  const decider = websiteDecider(calendar);
  const events: WebsiteEvent[] = [];
  let state: WebsiteState = decider.initialState();
  for (const c of commands) {
    const result = decider.decide(c, state);
    if (result instanceof DomainError) throw new Error(`${c.type} refused in setup: ${result.code} ${result.message}`);
    events.push(...result);
    state = result.reduce(decider.evolve, state);
  }
  return events;
};

/** Given these events, when this command, then these events (or this refusal, or nothing). */
export const givenWebsite = (history: readonly WebsiteEvent[], calendar?: WorkingCalendar) => ({
  when: (c: WebsiteCommand) => {
    const result = websiteDecider(calendar).decide(c, foldWebsite(history));
    return {
      result,
      then: (expected: readonly unknown[]) => {
        if (result instanceof DomainError) throw new Error(`expected events, got ${result.code}: ${result.message}`);
        expect(result).toEqual(expected);
      },
      thenNothingHappens: () => expect(result).toEqual([]),
      thenRefused: (code: DomainErrorCode, message?: RegExp) => {
        expect(result).toBeInstanceOf(DomainError);
        expect((result as DomainError).code).toBe(code);
        if (message) expect((result as DomainError).message).toMatch(message);
      },
    };
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
