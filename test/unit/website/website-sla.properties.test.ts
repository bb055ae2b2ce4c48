import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { WebsiteCommand } from '../../../domain/website/commands.js';
import { foldWebsite, type WebsiteState, type WebsiteUpdate } from '../../../domain/website/state.js';
import type { WebsiteEvent } from '../../../events/website-events.js';
import { necs } from '../../support/agency.js';
import { UPDATE, websiteCommand, websiteDecider } from '../../support/website-spec.js';

/**
 * The website SLA against a recomputation from first principles: walk the calendar day by day (no
 * library due-date function), and replay the history with the rule as the plan states it.
 */
const cal: WorkingCalendar = necs.calendar;
const ZONE = cal.timeZone;
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const close = (date: string) => DateTime.fromISO(`${date}T17:00:00`, { zone: ZONE });
const next = (date: string) => DateTime.fromISO(date, { zone: ZONE }).plus({ days: 1 }).toISODate() as string;

/** The day the counting starts from: the day itself if a working day before 17:00, else the next working day. */
const startDay = (at: DateTime): string => {
  let d = at.toISODate() as string;
  if (cal.isWorkingDay(d) && at < close(d)) return d;
  do d = next(d);
  while (!cal.isWorkingDay(d));
  return d;
};
const addWorkingDays = (from: string, n: number): string => {
  let d = from;
  for (let left = n; left > 0;) {
    d = next(d);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
};
const workingDaysLeft = (at: DateTime, due: DateTime): number => {
  if (at >= due) return 0;
  let n = 0;
  for (let d = next(startDay(at)); d <= (due.toISODate() as string); d = next(d)) if (cal.isWorkingDay(d)) n++;
  return n;
};

interface Expected {
  submissionDueAt: number;
  publicationDueAt?: number;
  informationCompleteAt?: number;
  publishedAt?: number;
}

/** Replays the history with the plan's rule. */
const recompute = (events: readonly WebsiteEvent[]): Expected => {
  let exp: Expected = { submissionDueAt: 0 };
  let status = 'none';
  let lastSubmitted = '';
  let remaining: number | undefined;
  let pauseFrom: DateTime | undefined;
  for (const e of events) {
    const at = local(e.occurredAt);
    switch (e.type) {
      case 'WebsiteUpdateSubmitted':
        exp.submissionDueAt = e.data.eventDate
          ? close(addWorkingDays(startDay(DateTime.fromISO(e.data.eventDate, { zone: ZONE })), 2)).toMillis()
          : at.toMillis();
        lastSubmitted = e.occurredAt;
        status = 'submitted';
        break;
      case 'WebsiteUpdateCompleted':
        exp = {
          ...exp,
          publicationDueAt: close(addWorkingDays(startDay(at), 1)).toMillis(),
          informationCompleteAt: local(lastSubmitted).toMillis(),
        };
        status = 'complete';
        break;
      case 'WebsiteUpdateReturned':
        if (status === 'complete') {
          remaining = workingDaysLeft(at, DateTime.fromMillis(exp.publicationDueAt as number, { zone: ZONE }));
          pauseFrom = at;
        }
        status = 'returned';
        break;
      case 'WebsiteUpdateResubmitted':
        lastSubmitted = e.occurredAt;
        if (remaining !== undefined) {
          // A return after the due date leaves it where it was: the breach stands.
          if ((pauseFrom as DateTime).toMillis() < (exp.publicationDueAt as number))
            exp.publicationDueAt = close(addWorkingDays(startDay(at), remaining)).toMillis();
          exp.informationCompleteAt = at.toMillis();
          status = 'complete';
        } else status = 'submitted';
        remaining = undefined;
        break;
      case 'WebsiteUpdatePublished':
        exp.publishedAt = at.toMillis();
        status = 'published';
        break;
      default:
        break;
    }
  }
  return exp;
};

const ms = (iso: string | undefined) => (iso === undefined ? undefined : local(iso).toMillis());
const ACTIONS = ['complete', 'return', 'resubmit', 'publish', 'scan'] as const;

describe('the website SLA (property)', () => {
  it('agrees with a day-by-day recomputation for any history of submissions, returns, confirmations and publication', () => {
    const start = DateTime.fromISO('2026-01-05T00:00:00', { zone: ZONE });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 330 * 24 }), // submission hour within the year
        fc.option(fc.integer({ min: -10, max: 5 }), { nil: undefined }), // event date, days from submission
        fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.integer({ min: 1, max: 80 })), { maxLength: 12 }), // actions, hours apart
        (submitHour, eventOffset, actions) => {
          const decider = websiteDecider(cal);
          let now = start.plus({ hours: submitHour });
          const events: WebsiteEvent[] = [];
          let state: WebsiteState = decider.initialState();
          const run = (c: WebsiteCommand) => {
            const r = decider.decide(c, state);
            if (r instanceof DomainError) return;
            events.push(...r);
            state = r.reduce(decider.evolve, state);
          };
          const iso = () => now.toISO({ suppressMilliseconds: true }) as string;
          const eventDate =
            eventOffset === undefined ? undefined : (now.plus({ days: eventOffset }).toISODate() as string);
          run(
            websiteCommand(
              'SubmitWebsiteUpdate',
              {
                updateId: UPDATE,
                kind: 'news',
                title: 't',
                body: { inline: 'b' },
                ...(eventDate ? { eventDate } : {}),
                attachments: [],
              },
              'legal.officer',
              iso(),
            ),
          );
          for (const [action, hours] of actions) {
            now = now.plus({ hours });
            if (action === 'complete') run(websiteCommand('ConfirmComplete', {}, 'ict.officer', iso()));
            if (action === 'return') run(websiteCommand('ReturnIncomplete', { reason: 'r' }, 'ict.officer', iso()));
            if (action === 'resubmit') run(websiteCommand('ResubmitWebsiteUpdate', {}, 'legal.officer', iso()));
            if (action === 'publish')
              run(websiteCommand('RecordPublished', { url: 'https://www.necs.example/p' }, 'ict.head', iso()));
            if (action === 'scan')
              run(websiteCommand('CheckWebsiteSla', {}, { kind: 'system', component: 'sla-scan' }, iso()));
          }
          const s = foldWebsite(events) as WebsiteUpdate;
          const expected = recompute(events);
          expect({
            submissionDueAt: ms(s.submissionDueAt),
            publicationDueAt: ms(s.publicationDueAt),
            informationCompleteAt: ms(s.informationCompleteAt),
            publishedAt: ms(s.publishedAt),
          }).toEqual({
            submissionDueAt: expected.submissionDueAt,
            publicationDueAt: expected.publicationDueAt,
            informationCompleteAt: expected.informationCompleteAt,
            publishedAt: expected.publishedAt,
          });
          // Flags are raised at most once per clock and due date, and only for a clock that was late or close.
          expect(new Set(s.flaggedBreached).size).toBe(s.flaggedBreached.length);
          expect(new Set(s.flaggedAtRisk).size).toBe(s.flaggedAtRisk.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
