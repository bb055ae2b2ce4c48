/**
 * A poller's life: `start()` runs `pollOnce` until `stop()`, which waits for the round in hand to
 * finish, so nothing is left half-done. A failed round is reported and followed by a pause.
 */
export abstract class PollingLoop {
  private running = false;
  private loop: Promise<void> | undefined;

  protected constructor(
    private readonly pauseMs: number,
    private readonly afterFailureMs: number,
  ) {}

  /** One round; returns how many items it handled. */
  abstract pollOnce(): Promise<number>;

  protected abstract reportFailure(err: unknown): void;

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.pollOnce();
        if (this.pauseMs > 0) await new Promise((r) => setTimeout(r, this.pauseMs));
      } catch (err) {
        this.reportFailure(err);
        await new Promise((r) => setTimeout(r, this.afterFailureMs));
      }
    }
  }
}
