import {
  createCalendarDecider,
  type CalendarCommand,
  type CalendarState,
} from '../../domain/calendar/calendar-decider.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { CalendarEvent } from '../../events/calendar-events.js';
import { DeciderCommandHandler } from '../command-handler.js';
import type { EventStore } from '../event-store.js';

/** The calendar's stream kind: one stream per agency, `calendar#<agency>`. */
export const CALENDAR_KIND = 'calendar';

/**
 * The agency calendar as it stands: the configured one plus the holidays declared or withdrawn at run
 * time (stream `calendar#<agency>`). Commands run through the one command handler, which keeps the
 * folded calendar in this process: reads reuse it for `ttlMs`, since it changes a few times a year,
 * and the process that changes it sees the change at once.
 */
export class AgencyCalendar {
  private readonly handler: DeciderCommandHandler<CalendarCommand, CalendarEvent, CalendarState>;

  constructor(
    store: EventStore,
    base: WorkingCalendar,
    private readonly agencyId: string,
    ttlMs = 10_000,
  ) {
    const decider = createCalendarDecider(base);
    this.handler = new DeciderCommandHandler({
      store,
      kind: CALENDAR_KIND,
      decider: () => decider,
      state: decider,
      keepStates: { freshForMs: ttlMs },
    });
  }

  /** The calendar's stream: `calendar#<agency>`. */
  get streamId(): string {
    return this.handler.streamId(this.agencyId);
  }

  /** The calendar every decision uses now. */
  current = async (): Promise<WorkingCalendar> => (await this.handler.current(this.agencyId)).state.calendar;

  /** The events so far (for history and reports), up to date with the store. */
  async events(): Promise<readonly CalendarEvent[]> {
    return (await this.handler.load(this.agencyId)).state.events;
  }

  /**
   * Declares or withdraws a holiday, or records a year's official list; returns what was recorded
   * (nothing when it changed nothing). Refusals are thrown as DomainError.
   */
  async change(command: CalendarCommand): Promise<readonly CalendarEvent[]> {
    const outcome = await this.handler.handle(this.agencyId, command);
    if (!outcome.ok) throw outcome.error;
    return outcome.events;
  }
}
