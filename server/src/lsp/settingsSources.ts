/**
 * Where the `postmortem.*` settings come from, for any LSP client:
 * - `workspace/configuration` (section "postmortem", per document) when the client supports it (VS Code);
 * - else, or when the client answers null for the section, what it pushed last with
 *   `workspace/didChangeConfiguration` (`{ settings: { postmortem: {...} } }`), else what it gave in
 *   `initializationOptions` (`{ postmortem: {...} }` or `{ settings: { postmortem: {...} } }`);
 * - else the defaults.
 * A `workspace/configuration` request the client leaves unanswered for `timeoutMs` falls back the same
 * way, so requests never stall on it; an answer that comes later replaces the fallback (`onLate`).
 */

/** The "postmortem" object inside a settings object, or undefined. */
export function postmortemSection(settings: unknown): unknown {
  if (!settings || typeof settings !== 'object') return undefined;
  const s = settings as { postmortem?: unknown; settings?: { postmortem?: unknown } };
  if (s.postmortem && typeof s.postmortem === 'object') return s.postmortem;
  if (s.settings && typeof s.settings === 'object' && s.settings.postmortem && typeof s.settings.postmortem === 'object') return s.settings.postmortem;
  return undefined;
}

export class SettingsSources<T> {
  private initial: unknown;
  private pushed: unknown;
  private fallbackValue?: T;

  /** @param fromRaw turns a raw "postmortem" object (or undefined: the defaults) into settings. */
  constructor(private readonly fromRaw: (raw: unknown) => T) {}

  setInitializationOptions(options: unknown): void {
    this.initial = postmortemSection(options);
    this.fallbackValue = undefined;
  }

  /** The `settings` of a workspace/didChangeConfiguration notification (null from pulling clients). */
  setPushed(settings: unknown): void {
    const section = postmortemSection(settings);
    if (section === undefined) return;
    this.pushed = section;
    this.fallbackValue = undefined;
  }

  /** Pushed, else initial, else default settings: one object until either changes. */
  fallback(): T {
    return (this.fallbackValue ??= this.fromRaw(this.pushed ?? this.initial));
  }

  /**
   * Settings pulled with `request`; the fallback when the client answers null, fails, or does not
   * answer within `timeoutMs` (then `onTimeout` is called, and `onLate` with the answer if one comes).
   */
  pull(request: () => Promise<unknown>, timeoutMs: number, hooks: { onTimeout(): void; onLate(settings: T): void; onError(err: unknown): void }): Promise<T> {
    return new Promise<T>((resolve) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        hooks.onTimeout();
        resolve(this.fallback());
      }, timeoutMs);
      const answer = (raw: unknown): T => (raw && typeof raw === 'object' ? this.fromRaw(raw) : this.fallback());
      request().then(
        (raw) => {
          clearTimeout(timer);
          if (!settled) {
            settled = true;
            resolve(answer(raw));
          } else {
            hooks.onLate(answer(raw));
          }
        },
        (err: unknown) => {
          clearTimeout(timer);
          hooks.onError(err);
          if (!settled) {
            settled = true;
            resolve(this.fallback());
          }
        },
      );
    });
  }
}
