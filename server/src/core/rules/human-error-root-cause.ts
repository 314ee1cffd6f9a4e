import { HUMAN_ERROR, HUMAN_ERROR_DISCUSSION } from '../data/causes';
import { PhraseMatcher } from '../match';
import type { FiveWhysChain, Fix, Span } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

const matcher = new PhraseMatcher<true>([{ phrases: HUMAN_ERROR.phrases, entry: true }]);
const discussion = new PhraseMatcher<true>([{ phrases: HUMAN_ERROR_DISCUSSION, entry: true }]);

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

function placeholderFix(span: Span): Fix {
  return {
    title: 'Replace with a question about the system condition',
    edits: [{ ...span, newText: '${1:What made this action possible or likely? (a missing check, a missing confirmation, access that should not exist)}' }],
    snippet: true,
    preferred: true,
  };
}

function askWhyFix(ctx: RuleContext, chain: FiveWhysChain): Fix | undefined {
  const last = chain.rootCause?.span ?? chain.steps[chain.steps.length - 1]?.answer?.span;
  if (!last) return undefined;
  const lineNo = ctx.lines.lineOf(last.start);
  const lineStart = ctx.lines.lineStarts[lineNo];
  const lineEnd = ctx.lines.lineEnd(lineNo);
  const line = ctx.text.slice(lineStart, lineEnd);
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const n = chain.steps.length + 1;
  const marker = /^(\s*)(\d+)([.)])\s/.exec(line);
  const bullet = /^(\s*)([-*+])\s/.exec(line);
  let prefix: string;
  if (marker) prefix = `${marker[1]}${+marker[2] + 1}${marker[3]} `;
  else if (bullet) prefix = `${bullet[1]}${bullet[2]} `;
  else prefix = '';
  const whyStyle = /^\s*(?:[-*+]\s|\d+[.)]\s)?\**\s*why\s*\d/i.test(ctx.text.slice(ctx.lines.lineStarts[ctx.lines.lineOf(chain.steps[chain.steps.length - 1].why?.span.start ?? last.start)], lineEnd));
  const question = whyStyle ? `Why ${n}: Why was that possible?` : 'Why was that possible?';
  return {
    title: "Add a 'Why?' below",
    edits: [{ start: lineEnd, end: lineEnd, newText: `${eol}${prefix}${question} \${1:Because …}` }],
    snippet: true,
  };
}

export const humanErrorRootCause = defineRule({
  id: 'human-error-root-cause',
  defaultSeverity: 'error',
  summary: 'A root cause (or the last answer of a 5 Whys chain) is a human action or condition, such as "human error" or "a typo".',
  fixable: true,
  check(ctx) {
    const check = (text: string, span: Span, chain?: FiveWhysChain) => {
      if (discussion.scan(text).length) return;
      for (const sentence of causeSentences(text)) {
        const hits = matcher.scan(sentence.text);
        if (!hits.length) continue;
        // "misconfiguration" only when it is (nearly) the whole cause, not "misconfiguration was impossible to spot because …".
        const h = hits[0];
        if (/^misconfigur/.test(h.phrase) && sentence.text.split(/\s+/).length > 12) continue;
        // Map the hit into the source: statement text is the source line with markup stripped; search it there.
        const src = ctx.text.slice(span.start, span.end);
        const words = sentence.text.slice(h.start, h.end);
        const at = src.toLowerCase().indexOf(words.toLowerCase());
        const hitSpan = at >= 0 ? { start: span.start + at, end: span.start + at + words.length } : span;
        const fixes = [placeholderFix(span)];
        if (chain) {
          const f = askWhyFix(ctx, chain);
          if (f) fixes.push(f);
        }
        ctx.report(
          hitSpan,
          `"${words}" gives a person's action as the cause; ask what in the system made that action possible or likely (a missing check, confirmation or guard) and write that down.`,
          fixes,
        );
        return;
      }
    };
    const chainSpans = ctx.model.fiveWhys.map((c) => c.rootCause?.span.start);
    for (const st of ctx.model.rootCauses) {
      if (chainSpans.includes(st.span.start)) continue;
      check(st.text, st.span);
    }
    for (const chain of ctx.model.fiveWhys) {
      if (chain.rootCause) check(chain.rootCause.text, chain.rootCause.span, chain);
    }
  },
});
