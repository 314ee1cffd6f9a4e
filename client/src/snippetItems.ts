/**
 * Snippets without Ctrl+Space: VS Code turns quick suggestions off in Markdown, so the contributed
 * snippets appear only when asked for. In a postmortem, typing "pm-" offers them: the client's
 * completion provider (extension.ts) is triggered by "-" and answers from here. No vscode import.
 */

export interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

export interface SnippetCompletion {
  /** The prefix typed to reach it ("pm-5whys"). */
  label: string;
  /** The snippet body, as VS Code snippet syntax. */
  body: string;
  description?: string;
  /** Where on the line the typed prefix starts (its column): the completion replaces from there. */
  start: number;
}

/** The "pm-…" word the cursor stands after on its line, or undefined. */
export function typedPrefix(lineBeforeCursor: string): { text: string; start: number } | undefined {
  const m = /(?:^|[\s>(])(pm-[\w-]*)$/.exec(lineBeforeCursor);
  if (!m) return undefined;
  return { text: m[1], start: lineBeforeCursor.length - m[1].length };
}

/** The snippets a "pm-" prefix reaches, one completion per "pm-" prefix. */
export function snippetCompletions(lineBeforeCursor: string, snippets: Record<string, SnippetEntry>): SnippetCompletion[] {
  const typed = typedPrefix(lineBeforeCursor);
  if (!typed) return [];
  const out: SnippetCompletion[] = [];
  for (const s of Object.values(snippets)) {
    const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
    for (const p of Array.isArray(s.prefix) ? s.prefix : [s.prefix]) {
      if (!p.startsWith('pm-') || !p.startsWith(typed.text)) continue;
      out.push({ label: p, body, ...(s.description ? { description: s.description } : {}), start: typed.start });
    }
  }
  return out;
}
