/**
 * Workspace symbols (Ctrl+T / Cmd+T): postmortems by title and action items by text, from the
 * workspace index. A symbol matches when the query's characters appear in its name in order (case
 * ignored), the way the editor itself filters; postmortems come before action items, and names where
 * the query stands as one piece come first.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { IndexEntry } from '../workspace';

/** True when every character of `query` appears in `name` in order (spaces in the query ignored). */
export function fuzzyMatches(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (ch === q[i] && ++i === q.length) return true;
  return false;
}

const LIMIT = 500;

export function workspaceSymbols(entries: readonly IndexEntry[], query: string): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const scored: Array<{ s: SymbolInformation; rank: number }> = [];
  for (const e of entries) {
    const f = e.facts;
    const title = f.title;
    if (fuzzyMatches(q, title)) {
      scored.push({
        rank: title.toLowerCase().includes(q) ? 0 : 2,
        s: {
          name: title,
          kind: SymbolKind.File,
          location: { uri: e.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
          containerName: f.date ? `${f.date} · ${e.path}` : e.path,
        },
      });
    }
    for (const item of f.actionItems) {
      if (!fuzzyMatches(q, item.text)) continue;
      const detail = [item.owner, item.dueDate ?? item.due, item.status === 'done' ? 'done' : undefined].filter(Boolean).join(' · ');
      scored.push({
        rank: item.text.toLowerCase().includes(q) ? 1 : 3,
        s: {
          name: item.text,
          kind: SymbolKind.Event,
          location: { uri: e.uri, range: item.range },
          containerName: detail ? `${title} · ${detail}` : title,
        },
      });
    }
  }
  return scored
    .sort((a, b) => a.rank - b.rank)
    .slice(0, LIMIT)
    .map((x) => x.s);
}
