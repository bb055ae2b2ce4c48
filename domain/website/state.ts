import type { EventActor } from '../../events/actor.js';
import type { WebsiteAttachment, WebsiteClock, WebsiteEvent, WebsiteUpdateKind } from '../../events/website-events.js';
import type { ScheduleAdjustment } from '../calendar/schedule.js';

/**
 * `submitted`: with ICT, waiting for them to confirm it complete (no clock runs);
 * `returned`: back with the division as incomplete (the division's clock runs, ICT's is stopped);
 * `complete`: ICT confirmed it (ICT's publication clock runs); `published`; `withdrawn`.
 */
export type WebsiteUpdateStatus = 'submitted' | 'returned' | 'complete' | 'published' | 'withdrawn';

export const WEBSITE_STATUSES: readonly WebsiteUpdateStatus[] = [
  'submitted',
  'returned',
  'complete',
  'published',
  'withdrawn',
];

/** A website update as the workflow knows it, folded from its events. */
export interface WebsiteUpdate {
  readonly status: WebsiteUpdateStatus;
  readonly id: string;
  readonly division: string;
  readonly kind: WebsiteUpdateKind;
  readonly title: string;
  readonly eventDate?: string;
  readonly submittedAt: string;
  readonly submittedBy: EventActor;
  readonly attachments: readonly WebsiteAttachment[];
  readonly origin?: { readonly topic: string; readonly requestIds: readonly string[] };
  /** The division's clock: complete information due by then. */
  readonly submissionDueAt: string;
  /** When the division last sent the information (submission or resubmission). */
  readonly lastSubmittedAt: string;
  /** When the information ICT confirmed (or resumed as) complete arrived: the division's clock stops here. */
  readonly informationCompleteAt?: string;
  /** The first confirmation: ICT's publication clock starts here. */
  readonly completedAt?: string;
  /** ICT's clock: publication due by then (while complete). */
  readonly publicationDueAt?: string;
  /** Set while a return stops ICT's running clock. */
  readonly pausedAt?: string;
  readonly adjustments: readonly ScheduleAdjustment[];
  readonly returns: readonly { readonly at: string; readonly reason: string }[];
  readonly publishedAt?: string;
  readonly url?: string;
  readonly withdrawn?: { readonly at: string; readonly reason: string };
  /** `<clock>@<dueAt>` for which the SLA flags were raised. */
  readonly flaggedAtRisk: readonly string[];
  readonly flaggedBreached: readonly string[];
  readonly alertDigests: readonly string[];
  readonly lastEventAt: string;
}

export type WebsiteState = { readonly status: 'none' } | WebsiteUpdate;

export const initialWebsiteState = (): WebsiteState => ({ status: 'none' });

export const websiteUpdateExists = (state: WebsiteState): state is WebsiteUpdate => state.status !== 'none';

/** The clock that runs now, whose it is and when it is due; none while ICT checks, or when finished. */
export interface RunningClock {
  readonly clock: WebsiteClock;
  readonly dueAt: string;
  /** The division answerable for it: the update's division, or ICT services for publication. */
  readonly division: string;
}

export const runningClock = (s: WebsiteUpdate, ictDivision: string): RunningClock | undefined => {
  if (s.status === 'returned') return { clock: 'submission', dueAt: s.submissionDueAt, division: s.division };
  if (s.status === 'complete' && s.publicationDueAt)
    return { clock: 'publication', dueAt: s.publicationDueAt, division: ictDivision };
  return undefined;
};

export const flagKey = (clock: WebsiteClock, dueAt: string): string => `${clock}@${dueAt}`;

/** Applies one event; events are facts, evolve never refuses one. */
export const evolveWebsite = (state: WebsiteState, event: WebsiteEvent): WebsiteState => {
  if (!websiteUpdateExists(state)) {
    if (event.type !== 'WebsiteUpdateSubmitted') return state;
    const d = event.data;
    return {
      status: 'submitted',
      id: d.updateId,
      division: d.division,
      kind: d.kind,
      title: d.title,
      ...(d.eventDate ? { eventDate: d.eventDate } : {}),
      submittedAt: event.occurredAt,
      submittedBy: event.actor,
      attachments: d.attachments,
      ...(d.origin ? { origin: d.origin } : {}),
      submissionDueAt: d.submissionDueAt,
      lastSubmittedAt: event.occurredAt,
      adjustments: [],
      returns: [],
      flaggedAtRisk: [],
      flaggedBreached: [],
      alertDigests: [],
      lastEventAt: event.occurredAt,
    };
  }
  const s: WebsiteUpdate = { ...state, lastEventAt: event.occurredAt };
  switch (event.type) {
    case 'WebsiteUpdateSubmitted':
      return state;
    case 'WebsiteUpdateCompleted':
      return {
        ...s,
        status: 'complete',
        informationCompleteAt: s.lastSubmittedAt,
        completedAt: s.completedAt ?? event.occurredAt,
        publicationDueAt: event.data.publicationDueAt,
      };
    case 'WebsiteUpdateReturned':
      return {
        ...s,
        status: 'returned',
        returns: [...s.returns, { at: event.occurredAt, reason: event.data.reason }],
        // ICT's clock stops only if it was running.
        ...(s.status === 'complete'
          ? {
              pausedAt: event.occurredAt,
              adjustments: [...s.adjustments, { kind: 'pause' as const, from: event.occurredAt }],
            }
          : {}),
      };
    case 'WebsiteUpdateResubmitted': {
      const { pausedAt, ...rest } = s;
      const resumed = pausedAt !== undefined && event.data.publicationDueAt !== undefined;
      return {
        ...rest,
        status: resumed ? 'complete' : 'submitted',
        lastSubmittedAt: event.occurredAt,
        ...(event.data.attachments ? { attachments: event.data.attachments } : {}),
        ...(resumed ? { informationCompleteAt: event.occurredAt, publicationDueAt: event.data.publicationDueAt } : {}),
        adjustments: s.adjustments.map((a) =>
          a.kind === 'pause' && a.to === undefined ? { ...a, to: event.occurredAt } : a,
        ),
      };
    }
    case 'WebsiteUpdatePublished':
      return { ...s, status: 'published', publishedAt: event.occurredAt, url: event.data.url };
    case 'WebsiteUpdateWithdrawn':
      return { ...s, status: 'withdrawn', withdrawn: { at: event.occurredAt, reason: event.data.reason } };
    case 'WebsiteDueDateRecalculated':
      return event.data.clock === 'submission'
        ? { ...s, submissionDueAt: event.data.dueAt }
        : { ...s, publicationDueAt: event.data.dueAt };
    case 'WebsiteSlaAtRisk':
      return { ...s, flaggedAtRisk: [...s.flaggedAtRisk, flagKey(event.data.clock, event.data.dueAt)] };
    case 'WebsiteSlaBreached':
      return { ...s, flaggedBreached: [...s.flaggedBreached, flagKey(event.data.clock, event.data.dueAt)] };
    case 'WebsiteBreachAlertSent':
      return { ...s, alertDigests: [...s.alertDigests, event.data.digestId] };
  }
};

export const foldWebsite = (
  events: readonly WebsiteEvent[],
  from: WebsiteState = initialWebsiteState(),
): WebsiteState => events.reduce(evolveWebsite, from);
