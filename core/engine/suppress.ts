/**
 * Suppression comments, honest by construction: each one names the rules it silences and says why.
 *
 *   <!-- postmortem-disable-next-line rule-a, rule-b -- reason -->   the next line that has text
 *   <!-- postmortem-disable rule-a -- reason -->                      from here ...
 *   <!-- postmortem-enable rule-a -->                                 ... to here (or the end)
 *   <!-- postmortem-disable-file rule-a -- reason -->                 the whole file, wherever it stands
 *
 * Rule ids are separated by commas or spaces; none means every rule. The reason follows ` -- `.
 * A next-line comment skips blank lines (formatters insert them) and other suppression comments
 * (so two of them can be stacked). Comments inside code are not directives: only HTML comments the
 * Markdown parser sees count.
 *
 * Pure: works on the text, the parsed tree and the findings. `applySuppressions` runs at the end of
 * analyze(); the accountability rules `suppression-reason-missing` and `suppression-unused` report
 * on the directives themselves and cannot be silenced by comments (only by configuration).
 */
import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';
import type { Root } from 'mdast';
import type { LineIndex } from './lineIndex';
import type { Finding, Fix, Span, SuppressedFinding, SuppressionKind } from '../types';
import { allMatches } from '../language/regexp';

const RULE_ID = /[^\s,]+/g;

export interface Directive {
  kind: SuppressionKind | 'enable';
  /** Rule ids as written, with where each stands; empty means every rule. */
  rules: Array<{ id: string; span: Span }>;
  /** The text after ` -- `, trimmed; '' when there is none. */
  reason: string;
  /** The whole comment. */
  span: Span;
}

/** Rules whose findings are about suppressions themselves; comments never silence them. */
export const ACCOUNTABILITY_RULES = new Set(['suppression-reason-missing', 'suppression-unused']);

/** What follows a comment's "<!--" in a directive: its kind, then a space, a comma or the comment's end. */
const DIRECTIVE_HEAD = /[ \t]*postmortem-(disable-next-line|disable-file|disable|enable)(?=[\s,]|-->)/y;

/** One directive comment in a text: where it starts, the whole comment, its kind, and its body (between the kind and "-->"). */
export interface DirectiveMatch {
  index: number;
  text: string;
  kind: string;
  body: string;
}

/**
 * Every directive comment in `s`, in order: what the matches of
 * `/<!--[ \t]*postmortem-(disable-next-line|disable-file|disable|enable)(?=[\s,]|-->)([\s\S]*?)-->/g`
 * give, in linear time. (That pattern, from every "<!--postmortem-enable" of a run with no "-->", read
 * to the end of the text: quadratic.) A comment ends at the first "-->" after its kind; when none
 * follows, none follows a later comment either.
 */
export function directiveMatches(s: string): DirectiveMatch[] {
  const out: DirectiveMatch[] = [];
  for (let open = s.indexOf('<!--'); open >= 0;) {
    DIRECTIVE_HEAD.lastIndex = open + 4;
    const head = DIRECTIVE_HEAD.exec(s);
    if (!head) {
      open = s.indexOf('<!--', open + 1);
      continue;
    }
    const bodyStart = open + 4 + head[0].length;
    const close = s.indexOf('-->', bodyStart);
    if (close < 0) break;
    out.push({ index: open, text: s.slice(open, close + 3), kind: head[1], body: s.slice(bodyStart, close) });
    open = s.indexOf('<!--', close + 3);
  }
  return out;
}

/**
 * The HTML nodes that may hold a directive, in document order. Every directive contains
 * "postmortem-", so only the top-level nodes whose source holds that text are walked: a few nodes
 * instead of the whole tree of a long document.
 */
function htmlNodes(text: string, tree: Root): Array<{ value: string; start: number }> {
  const top = tree.children;
  const picked = new Set<number>();
  for (let i = text.indexOf('postmortem-'); i >= 0; i = text.indexOf('postmortem-', i + 1)) {
    // The last top-level node starting at or before i, when it reaches past i.
    let lo = 0;
    let hi = top.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((top[mid].position?.start.offset ?? 0) <= i) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0 && i < (top[found].position?.end.offset ?? Infinity)) picked.add(found);
  }
  const out: Array<{ value: string; start: number }> = [];
  const stack: unknown[] = [...picked].map((k) => top[k]);
  while (stack.length) {
    const n = stack.pop() as { type: string; value?: string; position?: { start: { offset?: number } }; children?: unknown[] };
    if (n.type === 'html' && typeof n.value === 'string' && n.position?.start.offset !== undefined) {
      out.push({ value: n.value, start: n.position.start.offset });
    } else if (n.children) {
      stack.push(...n.children);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const cache = new WeakMap<Root, Directive[]>();

/** Every suppression directive in the document, in document order. */
export function parseDirectives(text: string, tree: Root): Directive[] {
  const hit = cache.get(tree);
  if (hit) return hit;
  const out: Directive[] = [];
  for (const node of htmlNodes(text, tree)) {
    // The node's value is the source text at its offset; check that, so offsets stay honest.
    if (text.slice(node.start, node.start + node.value.length) !== node.value) continue;
    for (const m of directiveMatches(node.value)) {
      const start = node.start + m.index;
      const bodyStart = start + m.text.length - 3 - m.body.length;
      const body = m.body;
      const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
      const idsPart = sep ? body.slice(0, sep.index) : body;
      const reason = sep ? body.slice(sep.index + sep[0].length).trim() : '';
      const rules: Directive['rules'] = [];
      for (const id of allMatches(RULE_ID, idsPart)) {
        rules.push({ id: id[0], span: { start: bodyStart + id.index!, end: bodyStart + id.index! + id[0].length } });
      }
      out.push({ kind: m.kind as Directive['kind'], rules, reason, span: { start, end: start + m.text.length } });
    }
  }
  cache.set(tree, out);
  return out;
}

/** `s` without its directive comments. */
export function withoutDirectives(s: string): string {
  let rest = '';
  let from = 0;
  for (const m of directiveMatches(s)) {
    rest += s.slice(from, m.index);
    from = m.index + m.text.length;
  }
  return from === 0 ? s : rest + s.slice(from);
}

/** True when a line holds nothing but whitespace and suppression comments. */
function onlyDirectives(lineText: string): boolean {
  return withoutDirectives(lineText).trim() === '' && /<!--/.test(lineText);
}

interface Scope {
  directive: Directive;
  /** The rule this scope silences, or '*' for every rule. */
  rule: string;
  /** Where the id stands in the comment (the whole comment for '*'). */
  idSpan: Span;
  start: number;
  end: number;
  used: boolean;
}

export interface UnusedSuppression {
  directive: Directive;
  /** The rule id that silenced nothing, or undefined when the comment names no rule and silenced nothing. */
  rule?: string;
  span: Span;
  /** True when the id names no known rule. */
  unknown: boolean;
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  unused: UnusedSuppression[];
}

/**
 * Splits findings into kept and suppressed, and lists the directives (or the ids in them) that
 * silenced nothing. `knownRule` tells ids of real rules from typos.
 */
export function applySuppressions(
  text: string,
  lines: LineIndex,
  directives: Directive[],
  findings: Finding[],
  knownRule: (id: string) => boolean,
): SuppressionOutcome {
  const scopes: Scope[] = [];
  const unused: UnusedSuppression[] = [];
  const scopesFor = (d: Directive, start: number, end: number) => {
    if (!d.rules.length) scopes.push({ directive: d, rule: '*', idSpan: d.span, start, end, used: false });
    for (const r of d.rules) {
      if (!knownRule(r.id)) {
        unused.push({ directive: d, rule: r.id, span: r.span, unknown: true });
        continue;
      }
      scopes.push({ directive: d, rule: r.id, idSpan: r.span, start, end, used: false });
    }
  };

  // Ranges opened by `disable`, closed by `enable`.
  const open: Scope[] = [];
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        scopesFor(d, 0, text.length);
        break;
      case 'disable-next-line': {
        let line = lines.lineOf(d.span.end) + 1;
        while (line < lines.lineCount) {
          const lt = text.slice(lines.lineStarts[line], lines.lineEnd(line));
          if (lt.trim() !== '' && !onlyDirectives(lt)) break;
          line++;
        }
        const start = line < lines.lineCount ? lines.lineStarts[line] : text.length;
        const end = line < lines.lineCount ? lines.lineEnd(line) : text.length;
        scopesFor(d, start, end);
        break;
      }
      case 'disable': {
        const before = scopes.length;
        scopesFor(d, d.span.end, text.length);
        open.push(...scopes.slice(before));
        break;
      }
      case 'enable': {
        const ids = new Set(d.rules.map((r) => r.id));
        let closed = 0;
        for (let i = open.length - 1; i >= 0; i--) {
          const s = open[i];
          if (ids.size === 0 || ids.has(s.rule)) {
            s.end = d.span.start;
            open.splice(i, 1);
            closed++;
          }
        }
        if (closed === 0) unused.push({ directive: d, span: d.span, unknown: false });
        break;
      }
    }
  }

  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    if (ACCOUNTABILITY_RULES.has(f.rule)) {
      kept.push(f);
      continue;
    }
    let by: Scope | undefined;
    for (const s of scopes) {
      if ((s.rule === '*' || s.rule === f.rule) && f.start >= s.start && f.start <= s.end) {
        s.used = true;
        by ??= s;
      }
    }
    if (by) {
      suppressed.push({ ...f, suppression: { kind: by.directive.kind as SuppressionKind, reason: by.directive.reason, span: by.directive.span } });
    } else {
      kept.push(f);
    }
  }

  // A comment whose every scope went unused is reported once on the comment; otherwise each unused id.
  const byDirective = new Map<Directive, Scope[]>();
  for (const s of scopes) byDirective.set(s.directive, [...(byDirective.get(s.directive) ?? []), s]);
  for (const [d, ss] of byDirective) {
    const idle = ss.filter((s) => !s.used);
    if (!idle.length) continue;
    if (idle.length === ss.length && !unused.some((u) => u.directive === d)) {
      unused.push({ directive: d, rule: d.rules.length === 1 ? d.rules[0].id : undefined, span: d.span, unknown: false });
    } else {
      for (const s of idle) unused.push({ directive: d, rule: s.rule, span: s.idSpan, unknown: false });
    }
  }
  unused.sort((a, b) => a.span.start - b.span.start);
  return { findings: kept, suppressed, unused };
}

/**
 * A GFM table's delimiter row ("| --- | :-: |", "---|---"), tested on the line without its surrounding
 * spaces (String#trim removes what `\s` matches): the line's own `^\s*` and `\s*$` runs, beside the
 * `\s*` of a first or last cell, were split every way on a failing row (cubic).
 */
export const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?$|^\|\s*:?-+:?\s*\|$/;

/** True when line `line` is part of a GFM table (a block of lines with pipes and a delimiter row). */
function tableBlock(text: string, lines: LineIndex, line: number): { first: number; last: number } | undefined {
  const at = (l: number) => text.slice(lines.lineStarts[l], lines.lineEnd(l));
  if (!at(line).includes('|')) return undefined;
  let first = line;
  let last = line;
  while (first > 0 && at(first - 1).trim() !== '' && at(first - 1).includes('|')) first--;
  while (last + 1 < lines.lineCount && at(last + 1).trim() !== '' && at(last + 1).includes('|')) last++;
  for (let l = first; l <= last; l++) {
    if (DELIMITER_ROW.test(at(l).trim())) return { first, last };
  }
  return undefined;
}

/**
 * The quick-fix "Ignore <rule> on this line": a suppression comment with a reason, placed where it
 * works without changing what the Markdown means:
 * - above the finding's line (`disable-next-line`), indented like it;
 * - around the table (`disable` ... `enable`) when the line is a table row, since a comment between
 *   rows would end the table;
 * - `disable-file` after the front matter (or the title) for findings on the first line or inside
 *   the front matter, where no comment can stand above.
 * Without `reason`, the reason is an editor snippet placeholder (`snippet: true`).
 */
export function ignoreFindingFix(text: string, lines: LineIndex, finding: { rule: string; start: number }, reason?: string, frontMatter?: Span): Fix {
  const why = reason ?? `\${1:${WRITTEN_PLACEHOLDERS.suppressionReason}}`;
  const snippet = reason === undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = lines.lineOf(finding.start);
  const inFrontMatter = frontMatter && finding.start >= frontMatter.start && finding.start < frontMatter.end;
  if (line === 0 || inFrontMatter) {
    const afterLine = frontMatter ? lines.lineOf(Math.max(frontMatter.start, frontMatter.end - 1)) : 0;
    const at = afterLine + 1 < lines.lineCount ? lines.lineStarts[afterLine + 1] : text.length;
    const lead = at === text.length && !/\r?\n$/.test(text) ? eol : '';
    return {
      title: `Ignore ${finding.rule} in this file`,
      edits: [{ start: at, end: at, newText: `${lead}${eol}<!-- postmortem-disable-file ${finding.rule} -- ${why} -->${eol}` }],
      ...(snippet ? { snippet } : {}),
    };
  }
  const table = tableBlock(text, lines, line);
  if (table) {
    const start = lines.lineStarts[table.first];
    const end = lines.lineEnd(table.last);
    return {
      title: `Ignore ${finding.rule} in this table`,
      edits: [
        { start, end: start, newText: `<!-- postmortem-disable ${finding.rule} -- ${why} -->${eol}${eol}` },
        { start: end, end, newText: `${eol}${eol}<!-- postmortem-enable ${finding.rule} -->` },
      ],
      ...(snippet ? { snippet } : {}),
    };
  }
  const ls = lines.lineStarts[line];
  const indent = /^[ \t]*/.exec(text.slice(ls, lines.lineEnd(line)))![0];
  return {
    title: `Ignore ${finding.rule} on this line`,
    edits: [{ start: ls, end: ls, newText: `${indent}<!-- postmortem-disable-next-line ${finding.rule} -- ${why} -->${eol}` }],
    ...(snippet ? { snippet } : {}),
  };
}
