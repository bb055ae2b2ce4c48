import type { StreamHead } from '../domain/shared/stream-head.js';
import {
  decideCalendar,
  evolveCalendar,
  initialCalendarState,
  type CalendarCommand,
  type CalendarState,
} from '../domain/calendar/calendar-decider.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { DomainError } from '../domain/shared/errors.js';
import type { CalendarEvent } from '../events/calendar-events.js';
import type { EventStore } from './event-store.js';

/**
 * The agency calendar as it stands: the configured one plus the holidays declared or withdrawn at run
 * time (stream `calendar#<agency>`). Read through a short cache, since it changes a few times a year;
 * the process that changes it sees the change at once.
 */
export class AgencyCalendar {
  private cached: { at: number; state: CalendarState; head?: StreamHead } | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly base: WorkingCalendar,
    readonly streamId: string,
    private readonly ttlMs = 10_000,
  ) {}

  private async load(): Promise<{ state: CalendarState; head?: StreamHead }> {
    const read = await this.store.read(this.streamId);
    const state = read.events
      .map((e) => e.event as CalendarEvent)
      .reduce(evolveCalendar, initialCalendarState(this.base));
    this.cached = { at: Date.now(), state, ...(read.head ? { head: read.head } : {}) };
    return this.cached;
  }

  /** The calendar every decision uses now. */
  current = async (): Promise<WorkingCalendar> =>
    (this.cached && Date.now() - this.cached.at < this.ttlMs ? this.cached : await this.load()).state.calendar;

  /** The events so far (for history and reports). */
  async events(): Promise<readonly CalendarEvent[]> {
    return (await this.load()).state.events;
  }

  /** Declares or withdraws a holiday; returns what was recorded (nothing when it changed nothing). */
  async change(command: CalendarCommand): Promise<readonly CalendarEvent[]> {
    const { state, head } = await this.load();
    const decided = decideCalendar(command, state);
    if (decided instanceof DomainError) throw decided;
    if (decided.length > 0) await this.store.append(this.streamId, decided, head);
    await this.load();
    return decided;
  }
}
