/**
 * What the client does when the language server process dies (pure, no vscode import, so it is
 * unit-tested): restart it, at most `maxRestarts` times within `windowMs`; past that, stop and tell
 * the user once. vscode-languageclient's default handler restarts up to 4 times in 3 minutes and
 * shows its own message; this one makes the bound explicit and the message ours, shown once per session.
 */
export interface CloseDecision {
  restart: boolean;
  /** A message for the user, given at most once per session. */
  message?: string;
}

export class RestartPolicy {
  private readonly restarts: number[] = [];
  private told = false;

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60_000,
  ) {}

  /** The server process ended unexpectedly at `now` (ms). */
  closed(now: number): CloseDecision {
    while (this.restarts.length && now - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length < this.maxRestarts) {
      this.restarts.push(now);
      return { restart: true };
    }
    if (this.told) return { restart: false };
    this.told = true;
    return {
      restart: false,
      message: `The Postmortem Writer language server stopped ${this.maxRestarts + 1} times in ${Math.round(this.windowMs / 60_000)} minutes and was not restarted again; postmortem checks are off until you reload the window. Its output channel has the details.`,
    };
  }
}
