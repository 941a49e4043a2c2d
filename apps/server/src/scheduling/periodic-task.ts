import type { Logger } from "../observability/logger.js";

/**
 * Runs `task` now and then every interval, one run at a time; a failed run is logged and
 * the next one goes on. The timer does not keep the process alive.
 */
export class PeriodicTask {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly logger: Logger,
    /** Logged when a run fails, e.g. "digest check failed". */
    private readonly failure: string,
  ) {}

  start(intervalMs: number): void {
    const tick = () => {
      this.running = this.running.then(() =>
        this.task().catch((error: unknown) => this.logger.warn({ err: error }, this.failure)),
      );
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
