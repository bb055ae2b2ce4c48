import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Moving the clock backwards would rewrite the past the events already recorded. */
export class ClockBackwardsError extends Error {
  override readonly name = 'ClockBackwardsError';
}

/**
 * The local stack's clock: real time plus an offset that only grows (it may start negative, when a test
 * starts the clock at an instant before today). Every component reads it, so
 * moving it forward makes deadlines pass for intake, the API and the scan alike. The offset is kept in
 * a file so that a restart does not go back in time, and so that `desk` run against the stack's data
 * directory reads the same time.
 */
export class MovableClock {
  private offsetMs = 0;

  /**
   * @param file where the offset is kept across restarts (npm start)
   * @param startAt the instant the clock reads at construction (tests choose it, so no test depends on the
   *   day it runs); ignored when `file` already holds an offset
   */
  constructor(
    private readonly file?: string,
    startAt?: Date,
  ) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
      if (typeof saved.offsetMs === 'number') this.offsetMs = saved.offsetMs;
    } else if (startAt) {
      this.offsetMs = startAt.getTime() - Date.now();
      this.save();
    }
  }

  now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Moves the clock to `to`; refuses to go backwards. */
  moveTo(to: Date): Date {
    const delta = to.getTime() - this.now().getTime();
    if (delta < 0)
      throw new ClockBackwardsError(
        `the clock is at ${this.now().toISOString()}; it cannot go back to ${to.toISOString()}`,
      );
    this.offsetMs += delta;
    this.save();
    return this.now();
  }

  /** Kept in the file, where a restart and the `desk` CLI (same data directory) read it. */
  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
  }
}
