import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';
import { ASPIRATION_EXAMPLES, ASPIRATION_QUALITIES, CONCRETE_SIGNALS, ITEM_PREFIX, MAKE_VERBS, VAGUE_PHRASES, type VagueEntry } from '../data/actionItemWords';
import { blank, replaceComments } from '../language/regexp';
import { ConfiguredMatcher } from '../language/configuredPhrases';
import type { Fix, PhraseChanges } from '../types';
import { quoteItem } from './actionItemCommon';
import { defineRule } from './defineRule';

const START = new ConfiguredMatcher(VAGUE_PHRASES.filter((e) => e.position === 'start').map((entry) => ({ phrases: entry.phrases, entry })));
/** Phrases added by configuration (`phrases.vague.add`): vague anywhere, unless a concrete check stands with them. */
const CONFIGURED: VagueEntry = {
  id: 'configured',
  phrases: [],
  position: 'anywhere',
  rescuable: true,
  instead: 'name the concrete change and how we will know it is done',
  examples: { flag: [], clean: [] },
};
const ANYWHERE = new ConfiguredMatcher(
  VAGUE_PHRASES.filter((e) => e.position === 'anywhere').map((entry) => ({ phrases: entry.phrases, entry })),
  CONFIGURED,
);
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
    // Leading tags and ticket references, with the separator after them: "[prevent]", "[#2230]: ", "OPS-12 — ".
    .replace(/^\s*(?:\[[^\]]*\]\s*)+(?:[:—–-]\s*)?/, (m) => ' '.repeat(m.length))
    .replace(/^\s*(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})\s*[:—–-]\s*/, (m) => ' '.repeat(m.length))
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
  for (const h of START.get(phrases).scan(masked))
    if (h.start === start || h.start === first) hits.push({ entry: h.entry, phrase: h.phrase, start: h.start, end: h.end });
  for (const h of ANYWHERE.get(phrases).scan(masked)) {
    if (h.entry.id === 'make-better' && !MAKE.test(body) && !MAKE.test(masked.slice(first))) continue;
    hits.push({ entry: h.entry, phrase: h.phrase, start: h.start, end: h.end });
  }
  // "Create and/or fix monitoring": two actions left open, neither committed to.
  const undecided = /^([\p{L}]+)\s+and\/or\s+[\p{L}]+/u.exec(body);
  if (undecided) hits.push({ entry: UNDECIDED, phrase: undecided[0], start, end: start + undecided[0].length });
  const asp = hits.length ? undefined : aspiration(masked.slice(first));
  if (asp) hits.push({ entry: ASPIRATION, phrase: asp.phrase, start: first + asp.index, end: first + asp.index + asp.phrase.length });
  hits.sort((a, b) => Number(a.entry.rescuable) - Number(b.entry.rescuable) || a.start - b.start);
  return hits.find((h) => !h.entry.rescuable || !concrete);
}

const UNDECIDED: VagueEntry = {
  id: 'undecided',
  phrases: [],
  position: 'start',
  rescuable: true,
  instead: 'choose the one change to make, and say how we will know it is done',
  examples: { flag: ['Create and/or fix the disk alerts'], clean: ['Alert on 5xx and/or latency over 2 s'] },
};

const ASPIRATION: VagueEntry = {
  id: 'aspiration',
  phrases: [],
  position: 'start',
  rescuable: true,
  instead: 'name the change that would make it so (a test, a refactor, a check) and how to tell it is done',
  examples: ASPIRATION_EXAMPLES,
};

const QUALITY = ASPIRATION_QUALITIES.map((q) => q.replace(/-/g, ' ').replace(/ /g, '[\\s-]+'))
  .sort((a, b) => b.length - a.length)
  .join('|');
/** Verbs that open an action whose clause says how something should be ("Ensure X is safe"): the item is an action. */
const CLAUSE_VERBS = /^(?:ensure|make|verify|check|confirm|test|validate|assert|guarantee|prove|document|alert|monitor|add|change|update|set|keep)\b/i;
/**
 * An outcome stated in place of an action: a subject of up to six words, a copula ("is", "are",
 * "should be", "must be", "will be", "needs to be") and an evaluative quality ("easy to extend",
 * "high quality", "safer"), with no action verb opening the item.
 */
const ASPIRATION_RE = new RegExp(
  `^((?:[\\p{L}\\p{N}][\\p{L}\\p{N}'’/.-]*\\s+){1,6}?)(?:is|are|should\\s+be|must\\s+be|will\\s+be|needs?\\s+to\\s+be|ha(?:s|ve)\\s+to\\s+be|remains?|stays?|becomes?)\\s+(?:(?:more|very|always|easily|well|highly|fully|much)\\s+)?(?:${QUALITY})(?![\\p{L}])`,
  'iu',
);

/** The copula and quality of an item that states an outcome instead of an action, or undefined. */
export function aspiration(text: string): { phrase: string; index: number } | undefined {
  const t = text.trimStart();
  const lead = text.length - t.length;
  if (CLAUSE_VERBS.test(t)) return undefined;
  const m = ASPIRATION_RE.exec(t);
  if (!m) return undefined;
  return { phrase: m[0].slice(m[1].length), index: lead + m[1].length };
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
      ctx.report(item.span, `${quoteItem(item)} ${what}; ${hit.entry.instead}.`, [
        smartFix(raw, item.textSpan, hit, item.form, !!item.fields.owner, !!item.fields.due),
      ]);
    }
  },
});

/** Replaces the item's text with a SMART template that keeps the original words to start from. */
function smartFix(raw: string, span: { start: number; end: number }, hit: VagueHit, form: 'table' | 'bullet', hasOwner: boolean, hasDue: boolean): Fix {
  const original = raw
    .trim()
    .replace(/(?<![.;:\s])[.;:\s]+$/, '')
    .replace(/[$}\\]/g, '\\$&')
    .replace(/\|/g, '/');
  const head = hit.entry.rescuable
    ? `\${1:${original}}: \${2:${WRITTEN_PLACEHOLDERS.change}}, done when \${3:${WRITTEN_PLACEHOLDERS.check}}`
    : `\${1:${WRITTEN_PLACEHOLDERS.habitFree}} (replacing "${original.replace(/"/g, "'")}"), done when \${2:${WRITTEN_PLACEHOLDERS.check}}`;
  const n = hit.entry.rescuable ? 4 : 3;
  const extra: string[] = [];
  if (form === 'bullet' && !hasOwner) extra.push(`owner: \${${n}:${WRITTEN_PLACEHOLDERS.owner}}`);
  if (form === 'bullet' && !hasDue) extra.push(`due: \${${n + extra.length}:${WRITTEN_PLACEHOLDERS.due}}`);
  const newText = head + (extra.length ? ` (${extra.join(', ')})` : '');
  return { title: 'Rewrite as a specific, measurable action item', edits: [{ start: span.start, end: span.end, newText }], snippet: true, preferred: true };
}
