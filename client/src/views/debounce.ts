/**
 * A debounced trigger: many calls within `delay` ms run the action once, after the last call. The
 * timer functions come in, so the views' refresh logic is tested without waiting.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Debouncer {
  private handle: unknown;
  private pending = false;

  constructor(
    private readonly action: () => void,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs the action `delay` ms after the last call (0: on the next turn of the event loop). */
  trigger(delay: number): void {
    if (this.pending) this.timers.clear(this.handle);
    this.pending = true;
    this.handle = this.timers.set(() => {
      this.pending = false;
      this.action();
    }, delay);
  }

  get isPending(): boolean {
    return this.pending;
  }

  dispose(): void {
    if (this.pending) this.timers.clear(this.handle);
    this.pending = false;
  }
}

/**
 * Keeps only the newest answer: each request takes a ticket, and an answer is used only when its
 * ticket is still the newest (an older, slower answer never overwrites a newer one).
 */
export class Latest {
  private counter = 0;

  take(): number {
    return ++this.counter;
  }

  isCurrent(ticket: number): boolean {
    return ticket === this.counter;
  }

  /** Makes every outstanding ticket stale (the document went away). */
  invalidate(): void {
    this.counter++;
  }
}
