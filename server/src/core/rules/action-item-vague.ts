import { CONCRETE_SIGNALS, ITEM_PREFIX, MAKE_VERBS, VAGUE_PHRASES, type VagueEntry } from '../data/actionItems';
import { blank, replaceComments } from '../regexp';
import { ConfiguredMatcher } from '../phraseChanges';
import type { Fix, PhraseChanges } from '../types';
import { quoteItem } from './action-item-common';
import { defineRule } from './defineRule';

const START = new ConfiguredMatcher(VAGUE_PHRASES.filter((e) => e.position === 'start').map((entry) => ({ phrases: entry.phrases, entry })));
/** Phrases added by configuration (`phrases.vague.add`): vague anywhere, unless a concrete check stands with them. */
const CONFIGURED: VagueEntry = { id: 'configured', phrases: [], position: 'anywhere', rescuable: true, instead: 'name the concrete change and how we will know it is done', examples: { flag: [], clean: [] } };
const ANYWHERE = new ConfiguredMatcher(VAGUE_PHRASES.filter((e) => e.position === 'anywhere').map((entry) => ({ phrases: entry.phrases, entry })), CONFIGURED);
const MAKE = new RegExp(`^(?:${MAKE_VERBS.join('|')})(?![\\p{L}])`, 'iu');

export interface VagueHit {
  entry: VagueEntry;
  phrase: string;
  /** Offsets into the text given to findVague. */
  start: number;
  end: number;
}

/** True when a concrete artifact, threshold or check stands in the text. */
export function isConcrete(raw: string): boolean {
  return CONCRETE_SIGNALS.some((s) => s.re.test(raw));
}

/**
 * The vague wording of an action item's text, or undefined when it is concrete. Quoted text and code
 * spans are mentions, not the item's own words, and are skipped.
 */
/**
 * A line with its quoted stretches ("…" and “…”, on one line) blanked, as the pattern
 * /"[^"\n]*"|“[^”\n]*”/g would, in linear time: an opening mark with no closing one after it ends
 * the search (no later one can close either), where the pattern read to the line end from each.
 */
function blankQuotes(line: string): string {
  let out = '';
  let from = 0;
  let straightCloses = true;
  let curlyCloses = true;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const straight = c === '"';
    if (!(straight ? straightCloses : c === '\u201c' && curlyCloses)) continue;
    const close = line.indexOf(straight ? '"' : '\u201d', i + 1);
    if (close < 0) {
      // None after this one, so none after any later opening mark of the kind either.
      if (straight) straightCloses = false;
      else curlyCloses = false;
      continue;
    }
    out += line.slice(from, i) + ' '.repeat(close + 1 - i);
    from = close + 1;
    i = close;
  }
  return from === 0 ? line : out + line.slice(from);
}

export function findVague(raw: string, phrases?: PhraseChanges): VagueHit | undefined {
  // Same length as raw, so offsets carry over: code spans, quotes, markup and leading tags blanked.
  const masked = replaceComments(raw, blank)
    .replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length))
    .replace(/\n|[^\n]+/g, blankQuotes)
    .replace(/[*_~]/g, ' ')
    .replace(/^\s*(?:\[[^\]]*\]\s*)+/, (m) => ' '.repeat(m.length))
    .replace(/^\s*(?:\d+[.)]\s+)?/, (m) => ' '.repeat(m.length))
    .replace(/^\s*(?:prevent|detect|mitigate|process|document)\w*\s*[:—–-]\s/i, (m) => ' '.repeat(m.length));
  const first = masked.length - masked.trimStart().length;
  const prefix = ITEM_PREFIX.exec(masked.slice(first));
  // Both the item's first word and the word after a "Kim to" / "We should" prefix count as its start
  // ("Remember to …" looks like such a prefix too).
  const start = prefix ? first + prefix[0].length : first;
  const body = masked.slice(start);
  const concrete = isConcrete(raw);
  const hits: VagueHit[] = [];
  for (const h of START.get(phrases).scan(masked)) if (h.start === start || h.start === first) hits.push({ entry: h.entry, phrase: h.phrase, start: h.start, end: h.end });
  for (const h of ANYWHERE.get(phrases).scan(masked)) {
    if (h.entry.id === 'make-better' && !MAKE.test(body) && !MAKE.test(masked.slice(first))) continue;
    hits.push({ entry: h.entry, phrase: h.phrase, start: h.start, end: h.end });
  }
  hits.sort((a, b) => Number(a.entry.rescuable) - Number(b.entry.rescuable) || a.start - b.start);
  return hits.find((h) => !h.entry.rescuable || !concrete);
}

export const actionItemVague = defineRule({
  id: 'action-item-vague',
  defaultSeverity: 'warning',
  summary: 'An action item names no concrete deliverable ("improve monitoring", "look into", "be more careful").',
  fixable: true,
  check(ctx) {
    for (const item of ctx.model.actionItems) {
      const raw = ctx.text.slice(item.textSpan.start, item.textSpan.end);
      const hit = findVague(raw, ctx.options.phrases?.vague);
      if (!hit) continue;
      const what = hit.entry.rescuable
        ? `names no concrete deliverable ("${hit.phrase}" with no artifact, threshold or check)`
        : `relies on "${hit.phrase}" rather than a change`;
      ctx.report(item.span, `${quoteItem(item)} ${what}; ${hit.entry.instead}.`, [smartFix(raw, item.textSpan, hit, item.form, !!item.fields.owner, !!item.fields.due)]);
    }
  },
});

/** Replaces the item's text with a SMART template that keeps the original words to start from. */
function smartFix(raw: string, span: { start: number; end: number }, hit: VagueHit, form: 'table' | 'bullet', hasOwner: boolean, hasDue: boolean): Fix {
  const original = raw.trim().replace(/(?<![.;:\s])[.;:\s]+$/, '').replace(/[$}\\]/g, '\\$&').replace(/\|/g, '/');
  const head = hit.entry.rescuable
    ? `\${1:${original}}: \${2:the concrete change}, done when \${3:a measurable check passes}`
    : `\${1:A safeguard that works without anyone remembering it} (replacing "${original.replace(/"/g, "'")}"), done when \${2:a measurable check passes}`;
  const n = hit.entry.rescuable ? 4 : 3;
  const extra: string[] = [];
  if (form === 'bullet' && !hasOwner) extra.push(`owner: @\${${n}:owner}`);
  if (form === 'bullet' && !hasDue) extra.push(`due: \${${n + extra.length}:YYYY-MM-DD}`);
  const newText = head + (extra.length ? ` (${extra.join(', ')})` : '');
  return { title: 'Rewrite as a specific, measurable action item', edits: [{ start: span.start, end: span.end, newText }], snippet: true, preferred: true };
}
