/**
 * The parts of a rule's docs page (docs/rules/<id>.md) that hovers show: "Why" (the explanation) and
 * "Better" (the example to follow). The pages are written once, for the web and the editor; this
 * reads their `## ` sections, skipping headings inside fenced code (examples show Markdown headings).
 */

export interface RuleDocSummary {
  /** The "## Why" section's text. */
  why?: string;
  /** The "## Better" section's text (often a fenced example). */
  better?: string;
}

/** The page's `## ` sections by heading (lower case), fenced blocks kept whole. */
export function docSections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (current !== undefined && !out.has(current)) out.set(current, body.join('\n').trim());
  };
  for (const line of markdown.split(/\r?\n/)) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
    }
    const h = !fence && !f ? h2Text(line) : undefined;
    if (h !== undefined) {
      flush();
      current = h.toLowerCase();
      body = [];
    } else if (/^#\s/.test(line) && !fence) {
      flush();
      current = undefined;
    } else body.push(line);
  }
  flush();
  return out;
}

const isSpace = (c: string): boolean => /\s/.test(c);

/**
 * A "## Heading" line's text without its closing #s and spaces (undefined for any other line): what
 * `/^##\s+(.+?)\s*#*\s*$/` captured, read from both ends once instead of by a lazy group that
 * retried the spaces and #s after it from every position.
 */
export function h2Text(line: string): string | undefined {
  if (!line.startsWith('##')) return undefined;
  let start = 2;
  while (start < line.length && isSpace(line[start])) start++;
  if (start === 2) return undefined;
  // Only spaces after "##": the capture took the last of them, if at least two.
  if (start === line.length) return start >= 4 ? line[start - 1] : undefined;
  let end = line.length;
  while (end > start && isSpace(line[end - 1])) end--;
  while (end > start && line[end - 1] === '#') end--;
  while (end > start && isSpace(line[end - 1])) end--;
  return line.slice(start, Math.max(end, start + 1));
}

export function ruleDocSummary(markdown: string): RuleDocSummary {
  const s = docSections(markdown);
  const why = s.get('why');
  const better = s.get('better');
  return { ...(why ? { why } : {}), ...(better ? { better } : {}) };
}
