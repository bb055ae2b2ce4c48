import type { LoadedAgency } from '../config/load.js';

/**
 * The local stand-in for the anchoring schedule: once on each working day, after close of office in the
 * agency's zone, by the local clock (which `/_local/clock` moves). A day already anchored after its close
 * (`lastAnchoredAt`, from the archive) is not anchored again, restarts included.
 */
export class AnchorTick {
  private timer: NodeJS.Timeout | undefined;
  private lastDate: string | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly now: () => Date,
    private readonly agency: LoadedAgency,
    private readonly lastAnchoredAt: () => Promise<string | undefined>,
    private readonly anchor: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.busy) this.running = this.tick().catch(this.onError);
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Anchors if today is a working day, its office has closed and no anchor was written since; true if it did. */
  async tick(): Promise<boolean> {
    this.busy = true;
    try {
      const cal = this.agency.calendar;
      const at = cal.parseInstant(this.now().toISOString());
      const today = cal.localDate(at);
      if (this.lastDate === today || !cal.isWorkingDay(today) || !cal.isAfterClose(at)) return false;
      const last = await this.lastAnchoredAt();
      if (last && cal.parseInstant(last) >= cal.closeOfOffice(today)) {
        this.lastDate = today;
        return false;
      }
      await this.anchor();
      this.lastDate = today;
      return true;
    } finally {
      this.busy = false;
    }
  }
}
