import { BLAME_PHRASES, REJECTION_CUES, type PhraseEntry } from '../data/blame';
import { fold, PhraseMatcher } from '../match';
import type { Sentence } from '../prose';
import { peopleIndex, subjectBefore } from '../subject';
import type { Fix } from '../types';
import { defineRule } from './defineRule';

const matcher = new PhraseMatcher<PhraseEntry>(BLAME_PHRASES.map((e) => ({ phrases: e.phrases, entry: e })));
const rejection = new PhraseMatcher<true>([{ phrases: REJECTION_CUES, entry: true }]);

/** True when the hit stands inside quotation marks in its sentence. */
function insideQuotes(text: string, start: number, end: number): boolean {
  const pairs: Array<[string, string]> = [['"', '"'], ['\u201c', '\u201d'], ['\u2018', '\u2019']];
  for (const [open, close] of pairs) {
    const o = text.lastIndexOf(open, start - 1);
    if (o < 0) continue;
    const c = text.indexOf(close, Math.max(end, o + 1));
    if (c >= end) {
      // For straight quotes, an even count before `o` means `o` opens a quote.
      if (open === close) {
        const before = text.slice(0, o).split(open).length - 1;
        if (before % 2 !== 0) continue;
      }
      return true;
    }
  }
  // 'single quoted' phrases: an apostrophe-free opening quote before a word.
  const sq = /(^|[\s(])'[^']*$/.exec(text.slice(0, start));
  if (sq && text.indexOf("'", end) >= end && /'(?=[\s.,;:)!?]|$)/.test(text.slice(end))) return true;
  return false;
}

export function isRejected(sentence: Sentence): boolean {
  return rejection.scan(sentence.text).length > 0;
}

function omissionFix(s: Sentence, hitStart: number, hitEnd: number, phrase: string): Fix[] | undefined {
  if (!/^(?:failed|neglected|forgot|omitted) to$/.test(phrase)) return undefined;
  // "failed to notice" -> "did not notice"
  const start = s.offsetAt(hitStart);
  const end = s.offsetAt(hitEnd);
  if (end - start !== hitEnd - hitStart) return undefined; // markup inside the phrase: no safe rewrite
  return [{ title: `Replace "${s.text.slice(hitStart, hitEnd)}" with "did not"`, edits: [{ start, end, newText: 'did not' }], preferred: true }];
}

export const blameLanguage = defineRule({
  id: 'blame-language',
  defaultSeverity: 'warning',
  summary: 'Judgemental wording aimed at people ("should have", "failed to", "careless") instead of the system.',
  fixable: true,
  check(ctx) {
    const people = peopleIndex(ctx.model.people);
    for (const s of ctx.prose.sentences) {
      if (s.quoted) continue;
      const hits = matcher.scan(s.text);
      if (!hits.length) continue;
      if (isRejected(s)) continue;
      for (const h of hits) {
        if (insideQuotes(s.text, h.start, h.end)) continue;
        const e = h.entry;
        const words = s.text.slice(h.start, h.end);
        if (e.personSubject) {
          const subj = subjectBefore(s.text, h.start, people);
          const inherentlyHuman = /^(?:forgot|forgets|neglected|neglects)\b/.test(h.phrase);
          if (subj.kind === 'system') continue;
          if (subj.kind === 'none' && !inherentlyHuman) continue;
        }
        if (e.id === 'fault' && /^(?:the blame)$/.test(fold(words)) && /\bno\b|\bnot\b/.test(fold(s.text))) continue;
        const message = `"${words}" judges people rather than describing the system; ${e.instead}.`;
        ctx.report({ start: s.offsetAt(h.start), end: s.offsetAt(h.end) }, message, omissionFix(s, h.start, h.end, h.phrase));
      }
    }
  },
});
