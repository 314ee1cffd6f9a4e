import { HUMAN_ACTIONS, HUMAN_ERROR, HUMAN_ERROR_DISCUSSION, NOT_HUMAN_BEFORE } from '../data/causes';
import { PhraseMatcher } from '../match';
import { subjectBefore } from '../subject';
import type { FiveWhysChain, Fix, Span } from '../types';
import { NEXT_QUESTION, whyAgainEdit } from '../whyAgain';
import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

type Cue = 'condition' | 'action';
const matcher = new PhraseMatcher<Cue>([
  { phrases: HUMAN_ERROR.phrases, entry: 'condition' },
  { phrases: HUMAN_ACTIONS.phrases, entry: 'action' },
]);
const discussion = new PhraseMatcher<true>([{ phrases: HUMAN_ERROR_DISCUSSION, entry: true }]);
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** The part of a statement that states the cause: its first sentence, or a sentence naming "root cause". */
function causeSentences(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  const re = /[^.!?]+(?:[.!?]+|$)/g;
  let m: RegExpExecArray | null;
  let first = true;
  while ((m = re.exec(text))) {
    if (!m[0].trim()) break;
    if (first || /root cause|the cause|caused by/i.test(m[0])) out.push({ text: m[0], offset: m.index });
    first = false;
  }
  return out;
}

/** Escapes text for a snippet (`$`, `}` and `\` are snippet syntax). */
function snippetText(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

export const PLACEHOLDER = WRITTEN_PLACEHOLDERS.condition;

/**
 * Asks why once more after the statement, keeping it: the cause as written stays, and a question
 * with a placeholder answer follows (placeholder-text flags the placeholder until it is replaced).
 */
function askAfterFix(span: Span): Fix {
  return {
    title: 'Ask why again (keeps the root cause)',
    edits: [{ start: span.end, end: span.end, newText: ` ${NEXT_QUESTION} \${1:${snippetText(PLACEHOLDER)}}` }],
    snippet: true,
    preferred: true,
  };
}

/** The 5 Whys view's "Ask Why Again": the next step of the chain, below its last answer. */
function askWhyFix(ctx: RuleContext, chain: FiveWhysChain): Fix | undefined {
  const e = whyAgainEdit(ctx.text, chain);
  if (!e) return undefined;
  return {
    title: 'Ask why again (adds a step to the chain)',
    edits: [{ ...e.edit, newText: snippetText(e.edit.newText) + `\${1:${snippetText(PLACEHOLDER)}}` }],
    snippet: true,
    preferred: true,
  };
}

/**
 * Where the statement's answer stands in the source, trailing comments left out: from the start of
 * its text (found by its first words) to the end of the line's visible text.
 */
function answerSpan(ctx: RuleContext, text: string, span: Span, hitAt: number): Span {
  const src = ctx.text.slice(span.start, span.end);
  const head = text.slice(0, Math.min(24, text.length)).toLowerCase();
  let a = head ? src.toLowerCase().indexOf(head) : -1;
  if (a < 0 || span.start + a > hitAt) {
    // Markup inside the first words: start after the last question mark or label before the hit.
    const before = src.slice(0, Math.max(0, hitAt - span.start));
    const q = Math.max(before.lastIndexOf('?'), before.lastIndexOf(':'));
    a = q >= 0 ? q + 1 : 0;
    while (a < before.length && /[\s*_]/.test(src[a])) a++;
  }
  let end = src.length;
  const c = src.indexOf('<!--', a);
  if (c >= 0) end = c;
  while (end > a && /\s/.test(src[end - 1])) end--;
  return { start: span.start + a, end: span.start + end };
}

export const humanErrorRootCause = defineRule({
  id: 'human-error-root-cause',
  defaultSeverity: 'error',
  summary: 'A root cause (or the last answer of a 5 Whys chain) is a human action or condition, such as "human error" or "a typo".',
  fixable: true,
  check(ctx) {
    const check = (raw: string, span: Span, chain?: FiveWhysChain) => {
      const text = raw.replace(COMMENT, ' ');
      if (discussion.scan(text).length) return;
      const src = ctx.text.slice(span.start, span.end).toLowerCase();
      for (const sentence of causeSentences(text)) {
        for (const h of matcher.scan(sentence.text)) {
          const words = sentence.text.slice(h.start, h.end);
          // "misconfiguration" only when it is (nearly) the whole cause, not "misconfiguration was impossible to spot because …".
          if (/^misconfigur/.test(h.phrase) && sentence.text.split(/\s+/).length > 12) continue;
          const before = sentence.text.slice(0, h.start).toLowerCase();
          if (NOT_HUMAN_BEFORE[h.phrase]?.some((w) => before.trimEnd().endsWith(w))) continue;
          // An action is a person's only when a person (or nobody named) does it: "the health check did not check the replica" is not.
          if (h.entry === 'action' && subjectBefore(sentence.text, h.start, ctx.people).kind === 'system') continue;
          // Map the hit into the source (the statement's text is its line with markup stripped).
          const from = Math.max(0, src.indexOf(before.trim().slice(-12)));
          let at = src.indexOf(words.toLowerCase(), from);
          if (at < 0) at = src.indexOf(words.toLowerCase());
          const hitSpan = at >= 0 ? { start: span.start + at, end: span.start + at + words.length } : span;
          // The fix keeps the cause and asks why again: in the chain, as the 5 Whys view does, else right after the statement.
          const inChain = chain && chain.steps.length ? askWhyFix(ctx, chain) : undefined;
          const fixes = [inChain ?? askAfterFix(answerSpan(ctx, text, span, hitSpan.start))];
          ctx.report(
            hitSpan,
            `"${words}" gives a person's action or state as the cause; write down what in the system made it possible or likely (a missing check, confirmation or guard).`,
            fixes,
          );
          return;
        }
      }
    };
    const chainSpans = new Set(ctx.model.fiveWhys.map((c) => c.rootCause?.span.start));
    for (const st of ctx.model.rootCauses) {
      if (chainSpans.has(st.span.start)) continue;
      check(st.text, st.span);
    }
    for (const chain of ctx.model.fiveWhys) {
      if (chain.rootCause) check(chain.rootCause.text, chain.rootCause.span, chain);
    }
  },
});
