/**
 * "Ask why again": the edit that adds the next step to a 5 Whys chain, below its last answer, in the
 * style the chain already uses ("Why 3:" lines with "Because" answers, Q/A pairs, bullets or numbered
 * items, bold markers). Pure; the server sends the edit to the 5 Whys view.
 */
import { LineIndex } from '../engine/lineIndex';
import type { FiveWhysChain, Span, TextEdit } from '../types';

export const NEXT_QUESTION = 'Why was that possible?';

export interface WhyAgainEdit {
  edit: TextEdit;
  /** Where, in the text after the edit, the author types the answer (an empty span). */
  cursor: number;
}

/** Indentation, quote markers, list marker and task box at the start of a line. */
const LEAD = /^(\s*(?:>\s*)*)((?:[-*+]|(\d+)([.)]))\s+)?(\[[ xX]\]\s+)?/;
/** A numbered why marker after the lead: "**Why 2:** ", "Why #2 - ", "Q2: ". */
const WHY_MARK = /^((?:\*\*|__)?\s*(?:why\s*#?\s*|q\s*))(\d+)(\s*[:.)—–-]+\s*(?:\*\*|__)?\s*)/i;
/** An answer marker after the lead: "**Because** ", "Because, ", "A2: ", "Answer: ", "→ ". */
const ANSWER_MARK = /^((?:\*\*|__)?\s*(?:because\b[,:]?|a\s*(\d*)\s*[:.)]|answer\s*\d*\s*[:.]|→|->|=>)\s*(?:\*\*|__)?[ \t]*)/i;

function lineText(lines: LineIndex, line: number): string {
  return lines.text.slice(lines.lineStarts[line], lines.lineEnd(line));
}

/** The line's lead with a numbered list marker moved on by `step`. */
function nextLead(lead: RegExpExecArray, step: number): string {
  const [, quote, marker = '', num, sep, box = ''] = lead;
  const list = num !== undefined ? marker.replace(`${num}${sep}`, `${+num + step}${sep}`) : marker;
  return `${quote}${list}${box ? '[ ] ' : ''}`;
}

/**
 * The edit adding Why N+1 (N = the chain's number of steps) after the chain's last answer, or after its
 * last question when that is unanswered, or after its problem statement when it has no steps yet.
 * Undefined when the chain has nothing to anchor on.
 */
export function whyAgainEdit(text: string, chain: FiveWhysChain): WhyAgainEdit | undefined {
  const lines = new LineIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const n = chain.steps.length + 1;
  const last = chain.steps[chain.steps.length - 1];
  const anchor: Span | undefined = last?.answer?.span ?? last?.why?.span ?? chain.problem?.span ?? chain.heading?.span;
  if (!anchor) return undefined;
  const anchorLine = lines.lineOf(anchor.start);
  const at = lines.lineEnd(Math.max(anchorLine, lines.lineOf(Math.max(anchor.start, anchor.end - 1))));

  let whyLine: string;
  let answerLine: string | undefined;
  const whyAt = last?.why ? lines.lineOf(last.why.span.start) : undefined;
  const answerAt = last?.answer ? lines.lineOf(last.answer.span.start) : undefined;
  const whySrc = whyAt !== undefined ? lineText(lines, whyAt) : undefined;
  const answerSrc = answerAt !== undefined ? lineText(lines, answerAt) : undefined;
  const whyLead = whySrc !== undefined ? LEAD.exec(whySrc)! : undefined;
  const answerLead = answerSrc !== undefined ? LEAD.exec(answerSrc)! : undefined;

  if (whySrc !== undefined && whyLead) {
    const rest = whySrc.slice(whyLead[0].length);
    const mark = WHY_MARK.exec(rest);
    // "**2. Why did it fill?** Logs grew.": the number and the question inside emphasis.
    const bold = mark ? undefined : /^(\*\*|__)(\d+)([.)]\s*)/.exec(rest);
    const separate = answerAt !== undefined && answerAt !== whyAt;
    // Questions and answers as items of one numbered list count on by two.
    const step = separate && whyLead[3] !== undefined && answerLead?.[3] !== undefined ? 2 : 1;
    const head =
      nextLead(whyLead, step) + (mark ? `${mark[1]}${n}${mark[3]}` : bold ? `${bold[1]}${n}${bold[3]}` : whyLead[3] !== undefined ? '' : `Why ${n}: `);
    const question = `${NEXT_QUESTION}${bold ? bold[1] : ''}`;
    if (answerAt !== undefined && !separate) {
      whyLine = `${head}${question} `;
    } else {
      whyLine = `${head}${question}`;
      if (answerLead && answerSrc !== undefined) {
        const amark = ANSWER_MARK.exec(answerSrc.slice(answerLead[0].length));
        let marker = amark ? amark[1] : 'Because ';
        if (amark?.[2]) marker = marker.replace(amark[2], String(n));
        if (!/\s$/.test(marker)) marker += ' ';
        answerLine = `${nextLead(answerLead, step)}${marker}`;
      } else answerLine = 'Because ';
    }
  } else if (answerLead && answerSrc !== undefined) {
    // Answers only (a numbered list under a 5 Whys heading): the next item.
    whyLine = nextLead(answerLead, 1);
  } else {
    // No steps yet: start the chain under its problem statement.
    whyLine = `Why ${n}: ${n === 1 ? 'Why did that happen?' : NEXT_QUESTION}`;
    answerLine = 'Because ';
  }

  // Steps separated by blank lines keep that spacing.
  const prevLine = whyAt !== undefined ? whyAt - 1 : -1;
  const spaced = prevLine >= 0 && !whyLead?.[2] && chain.steps.length > 1 && lineText(lines, prevLine).trim() === '';
  const sep = spaced ? eol + eol : eol;
  const newText = sep + whyLine + (answerLine !== undefined ? eol + answerLine : '');
  return { edit: { start: at, end: at, newText }, cursor: at + newText.length };
}
