/**
 * 5 Whys chains and cause statements. Chains are read line by line in Root causes / 5 Whys sections
 * (and their subsections): "Why 1: … / Because …", "Q1:/A1:", "**Why did X?** Y", "Why did X? — Y",
 * and, under a 5 Whys heading, plain numbered lists whose items are the successive answers.
 */
import type { FiveWhysChain, Section, SectionKind, Span, Statement, WhyStep } from '../types';
import { kindsAt } from './sections';
import { withoutLineComments } from '../language/regexp';

interface Line {
  /** Text after list markers and emphasis. */
  text: string;
  span: Span;
  listItem: boolean;
  numbered: boolean;
  indent: number;
}

const WHY = /^(?:why\s*(?:#\s*)?(\d+)\s*[:.)—–-]+(?![:.)—–-])\s*(?!\s)|q\s*(\d*)(?:(?<=\d)\s*)?[:.)]\s*(?!\s)|question\s*(?:\d+\s*)?[:.]\s*(?!\s))(.*)$/i;
const ANSWER = /^(?:because\b[,:]?\s*(?!\s)|a\s*(\d*)(?:(?<=\d)\s*)?[:.)]\s*(?!\s)|answer\s*(?:\d+\s*)?[:.]\s*(?!\s)|(?:→|->|=>)\s*(?!\s))(.*)$/i;
const ROOT = /^(?:(?:the\s+)?root\s+cause|conclusion)\s*(?:[:—–-]|is\b)\s*(?!\s)(.*)$/i;
const PROBLEM = /^(?:problem(?:\s+statement)?|symptom|issue|incident|starting point)\s*[:—–-]\s*(?!\s)(.*)$/i;
const QUESTION_THEN_ANSWER = /^(why\b[^?]*\?)\s*(?!\s)(?:[—–:-]+(?![—–:-])\s*(?!\s))?(.*)$/i;

function stripMarkup(s: string): string {
  return s
    .replace(/\*\*|__/g, '')
    .replace(/^[*_]|[*_]$/g, '')
    .trim();
}

/** Source lines of a region with list markers, quotes and emphasis removed, fenced code skipped. */
function linesOf(text: string, region: Span): Line[] {
  const out: Line[] = [];
  let pos = region.start;
  let fence = false;
  while (pos < region.end) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > region.end) eol = region.end;
    let raw = text.slice(pos, eol);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    else if (!fence && raw.trim() && !/^\s*<!--.*-->\s*$/.test(raw) && !/^\s*\|/.test(raw)) {
      const m = /^(\s*)(?:>\s*)*((?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?/.exec(raw)!;
      const body = raw.slice(m[0].length);
      const lead = body.length - body.trimStart().length;
      // "**1. Why …?**": numbering inside emphasis counts as a numbered item.
      const stripped = stripMarkup(withoutLineComments(body));
      const inner = /^\d+[.)]\s+/.exec(stripped);
      const clean = inner ? stripped.slice(inner[0].length) : stripped;
      // Keep the span on the visible text.
      const start = pos + m[0].length + lead;
      out.push({
        text: clean,
        span: { start, end: pos + raw.trimEnd().length },
        listItem: !!m[2] || !!inner,
        numbered: (!!m[2] && /\d/.test(m[2])) || !!inner,
        indent: m[1].length,
      });
    }
    pos = eol + 1;
  }
  return out;
}

function directBody(sections: Section[], i: number): Span {
  const s = sections[i];
  let end = s.body.end;
  // A bold-label section ("**Root cause:** …") inside a section read here is part of its text.
  const child = sections.findIndex((c, j) => j > i && c.parent === i && !c.label);
  if (child >= 0) end = Math.min(end, sections[child].heading.start);
  return { start: s.body.start, end };
}

export function extractFiveWhys(text: string, sections: Section[]): { chains: FiveWhysChain[]; rootCauses: Statement[]; contributingFactors: Statement[] } {
  const chains: FiveWhysChain[] = [];
  const rootCauses: Statement[] = [];
  const contributingFactors: Statement[] = [];
  sections.forEach((s, i) => {
    const kinds = kindsAt(sections, i);
    const inWhys = kinds.includes('five-whys');
    const inRoot = kinds.includes('root-causes');
    const inFactors = kinds.includes('contributing-factors') && !inRoot && !inWhys;
    if (!inWhys && !inRoot && !inFactors) return;
    // A label inside a heading section that is read here was read with its parent's text.
    if (s.label && s.parent >= 0 && kindsAt(sections, s.parent).some((k) => k === 'five-whys' || k === 'root-causes' || k === 'contributing-factors')) return;
    const lines = linesOf(text, directBody(sections, i));
    if (inFactors) {
      contributingFactors.push(...statements(lines, i, s.kind));
      return;
    }
    const titleHasWhy = /\bwhys?\b/i.test(s.title);
    // Plain numbered answers make a chain only under a 5 Whys heading or a why question ("Why?"), not "Why it failed".
    const chain = readChain(lines, inWhys || isWhyTitle(s.title), i);
    if (chain) {
      if (titleHasWhy || s.kind === 'five-whys' || s.parent >= 0) {
        chain.heading = { text: s.title, span: s.heading };
        if (!chain.problem && /\?\s*$/.test(s.title)) chain.problem = { text: s.title, span: s.heading };
        chain.span = { start: s.heading.start, end: chain.span.end };
      }
      chains.push(chain);
      const used = new Set<number>();
      for (const st of chain.steps) {
        if (st.why) used.add(st.why.span.start);
        if (st.answer) used.add(st.answer.span.start);
      }
      if (inRoot && !inWhys) {
        rootCauses.push(
          ...statements(
            lines.filter((l) => !used.has(l.span.start) && !WHY.test(l.text) && !ANSWER.test(l.text)),
            i,
            s.kind,
          ),
        );
      }
    } else if (inRoot) {
      rootCauses.push(...statements(lines, i, s.kind));
    }
  });
  return { chains, rootCauses, contributingFactors };
}

function statements(lines: Line[], section: number, _kind: SectionKind | undefined): Statement[] {
  const out: Statement[] = [];
  for (const l of lines) {
    if (!l.text || /^#/.test(l.text)) continue;
    // A continuation line of a paragraph joins the previous statement.
    const prev = out[out.length - 1];
    if (prev && !l.listItem && prev.span.end + 2 >= l.span.start && !/[.!?:]$/.test(prev.text)) {
      prev.text += ' ' + l.text;
      prev.span = { start: prev.span.start, end: l.span.end };
      continue;
    }
    out.push({ text: l.text, span: l.span, section });
  }
  return out;
}

function readChain(lines: Line[], whySection: boolean, section: number): FiveWhysChain | undefined {
  const steps: WhyStep[] = [];
  let problem: FiveWhysChain['problem'];
  let rootCause: FiveWhysChain['rootCause'];
  let explicit = false;
  let last: 'why' | 'answer' | undefined;
  for (const l of lines) {
    let m: RegExpExecArray | null;
    if ((m = ROOT.exec(l.text))) {
      rootCause = { text: m[1].trim(), span: l.span };
      explicit = true;
      last = undefined;
    } else if ((m = PROBLEM.exec(l.text)) && steps.length === 0) {
      problem = { text: m[1].trim(), span: l.span };
      last = undefined;
    } else if ((m = WHY.exec(l.text))) {
      explicit = true;
      const rest = m[3].trim();
      const qa = QUESTION_THEN_ANSWER.exec(rest) ?? /^([^?]*\?)\s*(?!\s)(?:[—–:-]+(?![—–:-])\s*(?!\s))?(.*)$/.exec(rest);
      if (qa && qa[2].trim()) {
        const qEnd = l.text.indexOf(qa[1]) + qa[1].length;
        steps.push({
          why: { text: qa[1].trim(), span: l.span },
          answer: { text: stripAnswer(qa[2]), span: { start: Math.min(l.span.end, l.span.start + qEnd), end: l.span.end } },
        });
        last = 'answer';
      } else {
        steps.push({ why: { text: rest, span: l.span } });
        last = 'why';
      }
    } else if ((m = ANSWER.exec(l.text))) {
      explicit = true;
      const answer = { text: m[2].trim(), span: l.span };
      const cur = steps[steps.length - 1];
      if (cur && !cur.answer) cur.answer = answer;
      else steps.push({ answer });
      last = 'answer';
    } else if ((m = QUESTION_THEN_ANSWER.exec(l.text)) && (l.listItem || /^why\b/i.test(l.text))) {
      explicit = true;
      const answer = m[2].trim();
      if (answer) {
        steps.push({ why: { text: m[1].trim(), span: l.span }, answer: { text: stripAnswer(answer), span: l.span } });
        last = 'answer';
      } else {
        steps.push({ why: { text: m[1].trim(), span: l.span } });
        last = 'why';
      }
    } else if (l.numbered && whySection) {
      // "1. The API timed out." — an answer-only step.
      steps.push({ answer: { text: l.text, span: l.span } });
      last = 'answer';
    } else if ((last === 'why' && !l.listItem) || (last === 'why' && l.indent > 0)) {
      // The answer on the line after a question that had none.
      const cur = steps[steps.length - 1];
      cur.answer = { text: stripAnswer(l.text), span: l.span };
      last = 'answer';
    } else if (!steps.length && !problem && whySection && !l.listItem) {
      problem = { text: l.text, span: l.span };
    }
  }
  if (!steps.length || (!explicit && !whySection)) return undefined;
  if (!rootCause) {
    const lastAnswer = [...steps].reverse().find((s) => s.answer)?.answer;
    if (lastAnswer) rootCause = { ...lastAnswer };
  }
  const first = problem?.span ?? steps[0].why?.span ?? steps[0].answer!.span;
  const lastStep = steps[steps.length - 1];
  const end = Math.max(rootCause?.span.end ?? 0, lastStep.answer?.span.end ?? lastStep.why!.span.end);
  return { problem, steps, rootCause, span: { start: first.start, end }, section };
}

function stripAnswer(s: string): string {
  return s.replace(/^(?:because\b[,:]?\s*|a\d*\s*[:.)]\s*)/i, '').trim();
}

/**
 * True when a section title names a 5 Whys: "Five whys", or a question that starts with "Why": what
 * `/\bwhys\b|^\W*why\b.*\?\W*$/i.test(title)` gives, in linear time. (In that pattern `.*`, "?" and
 * `\W*` all read a run of question marks, split every way: quadratic.) The question mark is the first
 * one in the trailing run of non-word characters, on the line that "why" is on.
 */
export function isWhyTitle(title: string): boolean {
  if (/\bwhys\b/i.test(title)) return true;
  const why = /^\W*why\b/i.exec(title);
  if (!why) return false;
  let z = title.length;
  while (z > why[0].length && /\W/.test(title[z - 1])) z--;
  const q = title.indexOf('?', z);
  return q >= 0 && !/[\n\r\u2028\u2029]/.test(title.slice(why[0].length, q));
}
