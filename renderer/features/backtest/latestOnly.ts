// Coalescing of live requests: one runs at a time, and while it runs only the latest requested
// input is kept (intermediate ones are dropped). So the last slider position always wins and
// requests never queue up behind a drag.

export class LatestOnly<T> {
  private wanted: { input: T } | null = null;
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly run: (input: T) => Promise<void>) {}

  push(input: T): void {
    this.wanted = { input };
    if (!this.running) void this.drain();
  }

  /** True when an input is waiting for the running one to finish. */
  get hasWaiting(): boolean {
    return this.wanted !== null;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Drops a waiting input (e.g. the data it was for is being replaced). */
  clear(): void {
    this.wanted = null;
  }

  whenIdle(): Promise<void> {
    if (!this.running && !this.wanted) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.wanted) {
      const { input } = this.wanted;
      this.wanted = null;
      try {
        await this.run(input);
      } catch {
        // `run` reports its own failures; the next input still runs.
      }
    }
    this.running = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
