import type { LoadedAgency } from '../config/load.js';

/**
 * The local stand-in for EventBridge Scheduler: follows the local clock (which `/_local/clock` moves)
 * and runs its job (the breach scan, then the monthly report check) once in each office hour of a working
 * day, as the AWS schedules do.
 */
export class SchedulerTick {
  private timer: NodeJS.Timeout | undefined;
  private lastHour: string | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly now: () => Date,
    private readonly agency: LoadedAgency,
    private readonly scan: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    const cal = this.agency.calendar;
    const at = cal.parseInstant(this.now().toISOString());
    const { opens, closes } = this.agency.config.calendar.officeHours;
    // `2026-11-27T09:05:00.000+06:00`: local `HH:mm` and `yyyy-MM-ddTHH` are fixed slices of the ISO text.
    const local = at.toISO() as string;
    const hhmm = local.slice(11, 16);
    const hour = local.slice(0, 13);
    if (!cal.isWorkingDay(cal.localDate(at)) || hhmm < opens || hhmm > closes || hour === this.lastHour) return;
    this.lastHour = hour;
    this.running = this.scan().catch(this.onError);
  }
}
