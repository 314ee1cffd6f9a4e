import type { Nodes } from 'mdast';
import { blank, replaceComments } from '../language/regexp';
import {
  BRACKET_TAGS,
  FILLER_PHRASES,
  HTML_TAGS,
  PLACEHOLDER_NOUNS,
  PLACEHOLDER_VERBS,
  PLACEHOLDERS,
  SNIPPET_PROMPTS,
  WRITTEN_PLACEHOLDERS,
  type PlaceholderEntry,
} from '../data/placeholders';
import { PhraseMatcher } from '../language/match';
import type { Span } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule, matchesIn, readSpans } from './defineRule';

const ENTRY = new Map(PLACEHOLDERS.map((e) => [e.id, e]));
const TAGS = new Set(BRACKET_TAGS);
const NOUNS = new Set(PLACEHOLDER_NOUNS);
const NOUN_WORDS = new Set([
  ...PLACEHOLDER_NOUNS.flatMap((n) => n.split(' ')),
  'of',
  'the',
  'a',
  'an',
  'and',
  'or',
  'goes',
  'here',
  'new',
  'first',
  'last',
  'full',
  'short',
  'long',
]);
const HTML = new Set(HTML_TAGS);
const filler = new PhraseMatcher<true>([{ phrases: FILLER_PHRASES, entry: true }]);

interface Hit extends Span {
  entry: PlaceholderEntry;
}

/** True when bracketed text is a template placeholder rather than a tag, task box, footnote or name. */
export function isBracketPlaceholder(inner: string): boolean {
  const t = inner.trim();
  if (t === '' || /^[xX]$/.test(t) || t.startsWith('^') || /^\d+$/.test(t)) return false;
  const lower = t.toLowerCase().replace(/(?<![.:])[.:]+$/, '');
  if (TAGS.has(lower)) return false;
  if (PLACEHOLDER_VERBS.some((v) => lower === v || lower.startsWith(v + ' '))) return true;
  if (NOUNS.has(lower)) return true;
  const words = lower.split(/[\s/,&_-]+/).filter(Boolean);
  if (words.length > 1 && words.length <= 5 && words.every((w) => NOUN_WORDS.has(w)) && words.some((w) => NOUNS.has(w))) return true;
  // "[INCIDENT TITLE]", "[SERVICE NAME]": capitals only, more than one word.
  if (/^[A-Z][A-Z _-]*[A-Z]$/.test(t) && /[ _-]/.test(t)) return true;
  return false;
}

function isAnglePlaceholder(inner: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(inner) || inner.includes('@')) return false; // autolink
  if (/^[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/.test(inner)) return false; // a bare host name or file name
  // `<foo bar="x">` is markup; a placeholder has no attributes.
  if (/=\s*["']?/.test(inner)) return false;
  const [tag, ...rest] = inner.trim().split(/\s+/);
  // `<br>`, `<details open>`: an element name alone or with a bare attribute. "<Link to the recording>" is prose.
  if (HTML.has(tag.toLowerCase().replace(/\/$/, '')) && tag === tag.toLowerCase() && rest.length <= 1 && rest.every((a) => /^(?:[a-z-]+\/?|\/)$/.test(a)))
    return false;
  return true;
}

/** Spans the rule never reads: code, comments, link targets, autolinks, definitions. */
function excluded(ctx: RuleContext): Span[] {
  const out: Span[] = [];
  const walk = (n: Nodes) => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined) return;
    switch (n.type) {
      case 'code':
      case 'inlineCode':
      case 'definition':
      case 'footnoteDefinition':
      case 'image':
      case 'imageReference':
        out.push({ start: s, end: e });
        return;
      case 'html':
        if (/^\s*<!--/.test(n.value)) out.push({ start: s, end: e });
        return;
      case 'link':
      case 'linkReference': {
        const last = n.children[n.children.length - 1]?.position?.end.offset;
        const first = n.children[0]?.position?.start.offset;
        // An autolink (`<https://…>` or a bare URL): all of it; otherwise the target after the text.
        if (last === undefined || first === undefined || (n.type === 'link' && toText(n) === n.url)) out.push({ start: s, end: e });
        else out.push({ start: last, end: e });
        break;
      }
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(ctx.tree);
  return out.sort((a, b) => a.start - b.start);
}

function toText(n: Nodes): string {
  if ('value' in n && typeof n.value === 'string') return n.value;
  if ('children' in n) return (n.children as Nodes[]).map(toText).join('');
  return '';
}

function inAny(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return true;
  }
  // Spans may nest; fall back to a scan of the neighbours.
  for (let i = Math.max(0, lo - 3); i < Math.min(spans.length, lo + 3); i++) if (spans[i].start < end && spans[i].end > start) return true;
  return false;
}

const RE = {
  bracket: /(?<![\]!\\])\[([^[\]\n]{1,80})\](?![[(:])/g,
  angle: /(?<![\p{L}\p{N}_<`\\])<([A-Za-z][^<>\n]{0,80})>/gu,
  todo: /(?<![\p{L}\p{N}_-])(?:TODO|FIXME|ToDo(?=:)|todo(?=:))(?![\p{L}\p{N}_-])/gu,
  xxx: /(?<![\p{L}\p{N}_])(?:X{2,}(?:[,.]X{3})*|x{3,})(?![\p{L}\p{N}_])/gu,
  date: /(?<![\p{L}\p{N}])(?:(?:YYYY|yyyy)[-/.](?:MM|mm)(?:[-/.](?:DD|dd))?(?:[T ](?:HH|hh):(?:MM|mm)(?::(?:SS|ss))?)?|(?:DD|dd)[-/.](?:MM|mm)[-/.](?:YYYY|yyyy|YY|yy)|(?:MM|mm)[-/](?:DD|dd)[-/](?:YYYY|yyyy|YY|yy)|(?:HH|hh):(?:MM|mm)(?::(?:SS|ss))?)(?![\p{L}\p{N}])/gu,
  number:
    /(?<![\p{L}\p{N}+])(?:(?:N|NN|X|\?{1,3})\s?%|[$€£](?:N|X)(?![\p{L}\p{N}])|N\s+(?:users|customers|requests|orders|minutes|mins|hours|seconds|days|errors|tickets|accounts|people|sessions|times|percent|calls|jobs|messages|pods|nodes|hosts)\b)/gu,
  tbd: /^(?:TBD|TBC|To be (?:determined|confirmed|decided|written|added|completed))(?![\p{L}\p{N}])\s*(?:$|[.:;,(—–-])/iu,
};

export { RE as PLACEHOLDER_PATTERNS };

export const placeholderText = defineRule({
  id: 'placeholder-text',
  defaultSeverity: 'warning',
  summary: 'Template leftovers: [INCIDENT TITLE], <placeholder>, TODO, TBD as a whole section, XXX, YYYY-MM-DD, HH:MM, N%.',
  fixable: false,
  scope: 'block',
  check(ctx) {
    const { text } = ctx;
    const spans = readSpans(text, ctx.tree);
    // The spans never read (code, link targets...) take a walk of the tree: made at the first hit.
    let skip: Span[] | undefined;
    const hits: Hit[] = [];
    const add = (start: number, end: number, id: string) => {
      if (!inAny((skip ??= excluded(ctx)), start, end)) hits.push({ start, end, entry: ENTRY.get(id)! });
    };
    const find = (kind: keyof typeof RE) => matchesIn(text, RE[kind], spans);
    for (const m of find('bracket')) {
      if (isBracketPlaceholder(m[1])) add(m.index!, m.index! + m[0].length, 'bracketed');
    }
    for (const m of find('angle')) {
      if (isAnglePlaceholder(m[1])) add(m.index!, m.index! + m[0].length, 'angle');
    }
    const todos = find('todo');
    const actionHeadings = todos.length ? ctx.model.sections.filter((s) => /^(?:todos?|to[- ]?dos?)$/i.test(s.title.trim())).map((s) => s.heading) : [];
    // "TODO" / "To do" as an action item's status value ("| TODO |" in a Status column, "Status: TODO") says the item is open; it is no leftover.
    const statusSpans = todos.length ? ctx.model.actionItems.flatMap((it) => (it.fields.status ? [it.fields.status.span] : [])) : [];
    for (const m of todos) {
      if (actionHeadings.some((h) => m.index! >= h.start && m.index! < h.end)) continue;
      if (statusSpans.some((sp) => m.index! >= sp.start && m.index! < Math.max(sp.end, sp.start + 1))) continue;
      if (/\bstatus\s*[:=|]\s*[*_]*$/i.test(text.slice(Math.max(0, m.index! - 20), m.index!))) continue;
      add(m.index!, m.index! + m[0].length, 'todo');
    }
    // A comment that opens with a TODO marker ("<!-- TODO(kim): say why … -->") is the writer's open
    // question left in the source: a leftover though the page does not show it. Other comments
    // (template prompts, notes to reviewers) are not read.
    for (const n of ctx.tree.children) {
      if (n.type !== 'html' || !n.position) continue;
      // The marker form only ("TODO:", "TODO(kim):", "FIXME:"); "TODO for the review meeting" is a note to readers.
      const m = /^<!--\s*(TODO|FIXME)(?:\([^)\n]{0,40}\))?\s*:/u.exec(n.value);
      if (m) {
        const at = n.position.start.offset! + m[0].indexOf(m[1]);
        hits.push({ start: at, end: at + m[1].length, entry: ENTRY.get('todo')! });
      }
    }
    for (const m of find('xxx')) add(m.index!, m.index! + m[0].length, 'xxx');
    for (const m of find('date')) add(m.index!, m.index! + m[0].length, 'date-template');
    for (const m of find('number')) add(m.index!, m.index! + m[0].length, 'number-template');
    tbdBodies(ctx, (s, e) => add(s, e, 'tbd-body'));
    const sentences = ctx.prose.sentences;
    filler.scanSentences(sentences).forEach((hits, i) => {
      for (const h of hits) add(sentences[i].offsetAt(h.start), sentences[i].offsetAt(h.end), 'filler');
    });
    // What this extension's own fixes wrote ("@owner", its prompt sentences), until the author replaces it.
    for (const phrase of WRITTEN) {
      for (const sp of spans) {
        for (let i = text.indexOf(phrase, sp.start); i >= 0 && i + phrase.length <= sp.end; i = text.indexOf(phrase, i + phrase.length)) {
          if (/[\p{L}\p{N}_-]/u.test(text.charAt(i + phrase.length)) || /[\p{L}\p{N}_@-]/u.test(text.charAt(i - 1))) continue;
          add(i, i + phrase.length, 'written');
        }
      }
    }
    report(ctx, hits);
  },
});

const WRITTEN = [
  WRITTEN_PLACEHOLDERS.owner,
  WRITTEN_PLACEHOLDERS.safeguard,
  WRITTEN_PLACEHOLDERS.condition,
  `${WRITTEN_PLACEHOLDERS.change}, done when`,
  WRITTEN_PLACEHOLDERS.check,
  WRITTEN_PLACEHOLDERS.habitFree,
  WRITTEN_PLACEHOLDERS.statePrompt,
  WRITTEN_PLACEHOLDERS.processPrompt,
  WRITTEN_PLACEHOLDERS.author,
  WRITTEN_PLACEHOLDERS.severity,
  ...SNIPPET_PROMPTS,
];

/** Paragraphs (and table cells outside action-item tables) that are only "TBD" or start with it. */
function tbdBodies(ctx: RuleContext, add: (start: number, end: number) => void): void {
  const actionRows = ctx.model.actionItemTables.map((t) => t.span);
  const walk = (n: Nodes) => {
    if (n.type === 'paragraph' || n.type === 'tableCell') {
      const s = n.position?.start.offset;
      const e = n.position?.end.offset;
      if (s === undefined || e === undefined) return;
      // Comments stay in place as spaces so offsets hold.
      const raw = replaceComments(ctx.text.slice(s, e), blank);
      const src = raw.replace(/^[\s*_|]+/, '');
      const lead = raw.length - src.length;
      const m = RE.tbd.exec(src);
      if (!m) return;
      if (n.type === 'tableCell') {
        if (actionRows.some((r) => s >= r.start && s < r.end)) return;
        if (src.replace(/(?<![\s*_|.])[\s*_|.]+$/, '').length > m[0].replace(/(?<![\s.:;,(—–-])[\s.:;,(—–-]+$/, '').length) return;
      }
      const word = /^[^\s.:;,(—–-]+(?:\s+be\s+\w+)?/i.exec(src)![0];
      add(s + lead, s + lead + word.length);
      return;
    }
    if (n.type === 'code' || n.type === 'html' || n.type === 'yaml' || (n.type as string) === 'toml') return;
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(ctx.tree);
}

function report(ctx: RuleContext, hits: Hit[]): void {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop hits inside another ("[JIRA-XXX]" is one placeholder), then group by line.
  const kept: Hit[] = [];
  for (const h of hits) {
    const prev = kept[kept.length - 1];
    if (prev && h.start < prev.end) continue;
    kept.push(h);
  }
  const byLine = new Map<number, Hit[]>();
  for (const h of kept) {
    const line = ctx.lines.lineOf(h.start);
    const list = byLine.get(line) ?? [];
    list.push(h);
    byLine.set(line, list);
  }
  for (const list of byLine.values()) {
    const first = list[0];
    const last = list[list.length - 1];
    const quote = (h: Hit) => `"${ctx.text.slice(h.start, h.end)}"`;
    const message =
      list.length === 1
        ? `${quote(first)} is ${first.entry.what}; replace it with ${first.entry.instead}.`
        : `This line still holds template placeholders (${list.slice(0, 4).map(quote).join(', ')}${list.length > 4 ? ', …' : ''}); replace them with the real content.`;
    ctx.report({ start: first.start, end: last.end }, message);
  }
}
