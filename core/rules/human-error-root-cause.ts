import { HUMAN_ACTIONS, HUMAN_ERROR, HUMAN_ERROR_DISCUSSION, NOT_HUMAN_BEFORE } from '../data/causes';
import { DENIALS, ERROR_MANNER, HUMAN_ERROR_NOUNS, HUMAN_OMISSIONS, PERSON_ONLY_PREDICATES } from '../data/clauses';
import {
  actorBefore,
  causalPlace,
  discussesConcept,
  isDenied,
  isPeople,
  negatedInClause,
  passiveAgent,
  personErrorIn,
  personStatesIn,
  quotesWord,
} from '../language/clauses';
import { fold, PhraseMatcher, type PhraseHit } from '../language/match';
import type { Sentence } from '../engine/prose';
import { insideQuotes, isRejected } from './blame-language';
import { subjectBefore } from '../language/subject';
import type { FiveWhysChain, Fix, Span } from '../types';
import { NEXT_QUESTION, whyAgainEdit } from '../edits/whyAgain';
import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';
import { fastPaths } from '../engine/fastPaths';

type Cue = 'condition' | 'action';
const matcher = new PhraseMatcher<Cue>([
  { phrases: HUMAN_ERROR.phrases, entry: 'condition' },
  { phrases: HUMAN_ACTIONS.phrases, entry: 'action' },
]);
const discussion = new PhraseMatcher<true>([{ phrases: HUMAN_ERROR_DISCUSSION, entry: true }]);
const denied = new PhraseMatcher<true>([{ phrases: DENIALS.phrases, entry: true }]);
/** In running prose "rather than" and "instead of" mostly compare things ("the primary instead of the replica"): not a discussion cue there. */
const proseDiscussion = new PhraseMatcher<true>([
  { phrases: HUMAN_ERROR_DISCUSSION.filter((p) => !/^(?:rather than|instead of|came up|any engineer|anyone could)$/.test(p)), entry: true },
]);

/**
 * What the clause reader looks for in every sentence that states a cause: a human-error noun or manner
 * ("a typo", "by mistake"), an omission of a check only people make ("nobody noticed", "was never
 * tested"), a predicate only people have ("forgot to", "was tired"), an error manner with a person as the
 * subject ("an engineer mistakenly ran …"), a person's action given as the cause ("caused by a developer
 * running …"), and the person-action phrases of HUMAN_ACTIONS when the clause's subject is a person.
 */
type Reading = 'noun' | 'omission' | 'person-only' | 'action' | 'manner';
const reader = new PhraseMatcher<Reading>([
  { phrases: HUMAN_ERROR_NOUNS.phrases.filter((p) => !ERROR_MANNER.includes(p)), entry: 'noun' },
  { phrases: ERROR_MANNER, entry: 'manner' },
  { phrases: HUMAN_OMISSIONS.phrases, entry: 'omission' },
  { phrases: PERSON_ONLY_PREDICATES.phrases, entry: 'person-only' },
  { phrases: HUMAN_ACTIONS.phrases, entry: 'action' },
]);
/** "caused by a developer running …", "was an engineer executing …": a person's action named as the cause. */
const PERSON_ACTION_CAUSE =
  /\b(?:caused by|due to|because of|triggered by|result of|identified as|was|were)\s+(?:an?|the|one of (?:our|the))\s+((?:[\p{L}-]+\s+)?(?:engineer|developer|operator|administrator|admin|technician|employee|team member|staff member|contractor|reviewer|user|person|member of (?:the\s+)?[\p{L}-]+ team))\s+(?:\p{Ll}+ly\s+)?([\p{L}-]+ing)\b/iu;
/** A decision or harmful action in the passive, whose "by …" agent may be a person (see passiveDecision). */
const PASSIVE_DECISION =
  /\b(?:was|were|been|got)\s+(?:\p{Ll}+ly\s+)?(deemed|performed|uploaded|entered|typed|edited|made|approved without|judged|decided|considered|approved|merged|deleted|removed|executed|pushed|deployed|changed|modified|misconfigured|introduced|disabled|dropped|truncated|wiped|overwritten|run|made|skipped|ignored|overlooked)\b/iu;
const BY = /\sby\s/giu;
const SPACE = /\s/;

/**
 * The first PASSIVE_DECISION followed in its clause (no ",;." between) by " by ", the match running to
 * the spaces before "by": what `/${PASSIVE_DECISION}[^,;.]*?(?=\s+by\s)/iu.exec(text)` gave, in linear
 * time. (That pattern, from every verb of a long clause without " by ", read the clause to its end,
 * and tried every space of a run before it.) A verb is followed by " by " exactly when it ends at or
 * before the space of its clause's last " by ", so the verb is looked for on the clause cut just after
 * that space (a verb does not end in a space); the match then ends where the spaces before the first
 * " by " after the verb begin.
 */
export function passiveDecision(text: string): RegExpExecArray | null {
  for (let start = 0; start < text.length;) {
    let stop = start;
    while (stop < text.length && text[stop] !== ',' && text[stop] !== ';' && text[stop] !== '.') stop++;
    const clause = text.slice(start, stop);
    // Each " by " (the space before it, and the one after it), overlapping ones included: " by by ".
    const bys: number[] = [];
    for (let b = BY.exec(clause); b; b = BY.exec(clause)) {
      bys.push(b.index);
      BY.lastIndex = b.index + 1;
    }
    if (bys.length) {
      const h = PASSIVE_DECISION.exec(clause.slice(0, bys[bys.length - 1] + 1));
      if (h) {
        const headEnd = h.index + h[0].length;
        let end = bys.find((b) => b >= headEnd)!;
        while (end > headEnd && SPACE.test(clause[end - 1])) end--;
        h[0] = clause.slice(h.index, end);
        h.index += start;
        h.input = text;
        return h;
      }
    }
    start = stop + 1;
  }
  return null;
}

/** Negation just before a noun: "not a typo", "no human error", "without any oversight". */
const NEGATED_NOUN = /\b(?:not|no|never|without|nor|neither|rather than|instead of)\s+(?:(?:a|an|any|the|simply|just|merely|only)\s+)?$/i;
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

/**
 * A "Q2:" or "Why:" label at a line's start, removed before checking that only markup lies between an
 * answer and the next why. Its leading spaces stay on the line (a run of blank lines is read once, not
 * from each of its line starts); spaces are markup either way, so the check gives what
 * /^\s*(?:q\d*|why)\s*[:.)]?/gim gave.
 */
export const WHY_LABEL = /^[^\S\n\r\u2028\u2029]*(?:q\d*|why)\s*[:.)]?/gim;

/** True when `at` lies in a 5 Whys answer that the next "why" directly follows (the chain goes on from it). */
function followedByWhy(ctx: RuleContext, at: number): boolean {
  for (const c of ctx.model.fiveWhys) {
    if (at < c.span.start || at >= c.span.end) continue;
    for (let i = 0; i < c.steps.length; i++) {
      const a = c.steps[i].answer?.span;
      if (!a || at < a.start || at >= a.end) continue;
      const next = c.steps[i + 1]?.why?.span;
      return !!next && next.start >= a.end && /^[\s>*_#\-\d.)]*$/.test(ctx.text.slice(a.end, next.start).replace(WHY_LABEL, ''));
    }
  }
  return false;
}

function messageFor(words: string, reading: Reading | 'person-action'): string {
  const what =
    reading === 'omission' ? 'a check people did not make' : reading === 'person-only' ? "a person's state or lapse" : "a person's action or mistake";
  return `"${words}" gives ${what} as the cause; write down what in the system made it possible or likely (a missing check, confirmation or guard).`;
}

/** Why asked again after the sentence (a snippet), when the sentence maps onto the source exactly. */
function sentenceFixes(s: Sentence): Fix[] {
  const lead = s.text.length - s.text.trimStart().length;
  const end = s.text.trimEnd().length;
  const start = s.offsetAt(lead);
  const stop = s.offsetAt(end);
  if (stop - start !== end - lead) return [];
  // Keeps the statement and asks why again after it (placeholder-text flags the placeholder until answered).
  return [askAfterFix({ start, end: stop })];
}

/** The first human-error reading of a sentence that states a cause, or undefined. */
function readSentence(
  ctx: RuleContext,
  s: Sentence,
  pre?: ReadonlyArray<PhraseHit<Reading>>,
): { start: number; end: number; reading: Reading | 'person-action' } | undefined {
  if (proseDiscussion.scan(s.text, s.folded).length || isDenied(s) || isRejected(s)) return undefined;
  for (const h of pre ?? reader.scan(s.text, s.folded)) {
    if (insideQuotes(s.text, h.start, h.end) || quotesWord(s.text, s.text.slice(h.start, h.end))) continue;
    const before = s.text.slice(0, h.start);
    if (NEGATED_NOUN.test(before) || negatedInClause(s.text, h.start, h.end)) continue;
    // "Human error is where the explaining starts", "we do not call this operator error": the idea, not the cause.
    if (h.entry === 'noun' && discussesConcept(s.text)) continue;
    // "we failed to test against a slow gateway": the writers about a gap in what they built (see the docs).
    if (h.entry === 'omission' && /^fail/.test(h.phrase) && actorBefore(s.text, h.start, ctx.people).kind === 'we') continue;
    if (NOT_HUMAN_BEFORE[h.phrase]?.some((w) => before.trimEnd().toLowerCase().endsWith(w))) continue;
    if (/^misconfigur/.test(h.phrase)) continue;
    // "the mistakenly named list": an adverb inside a noun phrase describes the thing, not an act.
    if (h.entry === 'manner' && /\b(?:the|a|an|this|that|its|our|their)\s*$/i.test(before)) continue;
    // "Nobody noticed … because staff phones run …": the omission comes with the condition that explains it.
    if (h.entry === 'omission' && (/\b(?:because|since|as|so|given that)\b/i.test(s.text.slice(h.end)) || /^\W*(?:since|because|as)\b[^,]*,/i.test(s.text)))
      continue;
    if (h.entry === 'noun' || h.entry === 'omission') {
      // "nobody noticed" needs no subject; a passive omission is about whoever should have checked.
      return { start: h.start, end: h.end, reading: h.entry };
    }
    const actor = actorBefore(s.text, h.start, ctx.people);
    // "by mistake", "accidentally": a mistake unless a system is the subject; "was accidentally run": a passive
    // whose unnamed agent is a person.
    const passive =
      /\b(?:was|were|been|being|got|get|is|are)\s+(?:\p{Ll}+(?:ed|en|wn|un|t)\s+)?$/iu.test(before) ||
      /\b(?:was|were|been|being|got|get|is|are)\s*$/i.test(before) ||
      endsInPossession(before);
    if (h.entry === 'manner' && /^(?:by mistake|by accident|mistakenly|accidentally|inadvertently)$/.test(h.phrase) && (actor.kind === 'none' || passive))
      return { start: h.start, end: h.end, reading: 'manner' };
    if (
      h.entry === 'manner' &&
      (isPeople(actor) ||
        /\b(?:by|an?|the)\s+(?:[\p{L}-]+\s+)?(?:engineer|developer|operator|admin|administrator|technician|employee|user|person)s?\s*$/iu.test(before))
    )
      return { start: h.start, end: h.end, reading: 'manner' };
    if ((h.entry === 'person-only' || h.entry === 'action') && isPeople(actor)) return { start: h.start, end: h.end, reading: h.entry };
  }
  // The expressions below need " by " or an error or state word; most sentences have none (fastPaths.clausePrechecks).
  if (
    fastPaths.clausePrechecks &&
    !/ by |error|mistake|slip|lapse|fault|failure|oversight|misstep|blunder|distract|confus|neglig|misjudg|inattent|careless|misunderstand|tired|exhaust|sleepy|groggy|rushed|overconfident|sloppy|lazy|inexperienc|fatigu|stressed|overworked|asleep|unaware|unfamiliar|hurried|panicked|overwhelmed|complacent|engineer|developer|operator|admin|technician|employee|member|contractor|reviewer|user|person/.test(
      s.folded,
    )
  )
    return undefined;
  // "a developer's slip", "the mistake of the technicians", "operator slip": an error with a person attached.
  const pe = personErrorIn(s.text, ctx.people);
  if (pe && !negatedInClause(s.text, pe.start, pe.end) && !discussesConcept(s.text)) return { start: pe.start, end: pe.end, reading: 'noun' };
  // "was very tired", "was a bit rushed": a person's state.
  for (const st of personStatesIn(s.text)) {
    if (negatedInClause(s.text, st.start, st.end)) continue;
    if (isPeople(actorBefore(s.text, st.at, ctx.people))) return { start: st.start, end: st.end, reading: 'person-only' };
  }
  // "was performed incorrectly by a contractor", "was uploaded wrongly by a person": an error in the passive with a person as the agent.
  const pw =
    /\b(?:was|were)\s+(?:not\s+)?[\p{L}-]+(?:ed|en|wn|un|t)\s+(?:incorrectly|wrongly|badly|improperly|carelessly|(?:not\s+)?correctly)\s*(?=\sby\s)/iu.exec(
      s.text,
    );
  if (pw) {
    const agent = passiveAgent(s.text, pw.index + pw[0].length, ctx.people);
    if (agent && isPeople(agent)) return { start: pw.index, end: agent.end, reading: 'person-action' };
  }
  // "was deemed good enough by the developer": a person's decision, in the passive, given as the cause.
  const p = passiveDecision(s.text);
  if (p && !NEGATED_NOUN.test(s.text.slice(0, p.index))) {
    const agent = passiveAgent(s.text, p.index + p[0].length, ctx.people);
    if (agent && isPeople(agent)) return { start: p.index + p[0].indexOf(p[1]), end: agent.end, reading: 'person-action' };
  }
  const m = PERSON_ACTION_CAUSE.exec(s.text);
  if (m && !NEGATED_NOUN.test(s.text.slice(0, m.index))) {
    const start = m.index + m[0].indexOf(m[1]);
    return { start, end: m.index + m[0].length, reading: 'person-action' };
  }
  return undefined;
}

export const humanErrorRootCause = defineRule({
  id: 'human-error-root-cause',
  defaultSeverity: 'error',
  summary:
    'A cause (in the summary, root causes, contributing factors, what went wrong, lessons, a 5 Whys answer) is a human action or condition, such as "human error", "a typo" or "nobody noticed".',
  fixable: true,
  check(ctx) {
    const check = (raw: string, span: Span, chain?: FiveWhysChain) => {
      const text = raw.replace(COMMENT, ' ');
      if (discussion.scan(text).length || denied.scan(text).length) return;
      const src = ctx.text.slice(span.start, span.end).toLowerCase();
      for (const sentence of causeSentences(text)) {
        for (const h of matcher.scan(sentence.text)) {
          const words = sentence.text.slice(h.start, h.end);
          if (insideQuotes(sentence.text, h.start, h.end) || negatedInClause(sentence.text, h.start, h.end)) continue;
          if (h.entry === 'condition' && discussesConcept(sentence.text)) continue;
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
    const reported: Span[] = [];
    const origReport = ctx.report.bind(ctx);
    ctx = {
      ...ctx,
      report: (span: Span, message: string, fixes?: Fix[]) => {
        reported.push(span);
        origReport(span, message, fixes);
      },
    };
    const chainSpans = new Set(ctx.model.fiveWhys.map((c) => c.rootCause?.span.start));
    for (const st of ctx.model.rootCauses) {
      if (chainSpans.has(st.span.start)) continue;
      check(st.text, st.span);
    }
    for (const chain of ctx.model.fiveWhys) {
      if (chain.rootCause) check(chain.rootCause.text, chain.rootCause.span, chain);
    }
    // Every other sentence that states a cause: causal sections by kind, the lead, 5 Whys answers.
    const lines = new Set(reported.map((r) => ctx.lines.lineOf(r.start)));
    const sentences = ctx.prose.sentences;
    const pre = reader.scanSentences(sentences);
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      // A question ("Why did nobody notice?") asks for a cause; it states none.
      if (s.quoted || !causalPlace(ctx.model.sections, s) || /\?\s*$/.test(s.text)) continue;
      // A 5 Whys answer that another "why" follows is where the chain goes on, not where it stops.
      if (followedByWhy(ctx, s.span.start)) continue;
      const hit = readSentence(ctx, s, pre[i]);
      if (!hit) continue;
      const span = { start: s.offsetAt(hit.start), end: s.offsetAt(hit.end) };
      const line = ctx.lines.lineOf(span.start);
      if (lines.has(line) || reported.some((r) => r.start <= span.start && span.start < r.end)) continue;
      lines.add(line);
      ctx.report(span, messageFor(s.text.slice(hit.start, hit.end), hit.reading), sentenceFixes(s));
    }
    // A front-matter summary ("summary: Human error …") states the cause too.
    const fm = ctx.model.metadata.frontMatter;
    if (fm) {
      const m = /^summary:[ \t]*(.+)$/m.exec(ctx.text.slice(fm.start, fm.end));
      if (m) {
        // A quoted YAML string: read inside the quotes.
        const q = /^(["'])(.*)\1\s*$/.exec(m[1]);
        const at = fm.start + m.index + m[0].length - m[1].length + (q ? 1 : 0);
        const text = q ? q[2] : m[1];
        const pseudo = { text, folded: fold(text), offsetAt: (i: number) => at + i } as unknown as Sentence;
        const hit = readSentence(ctx, pseudo);
        if (hit) ctx.report({ start: at + hit.start, end: at + hit.end }, messageFor(text.slice(hit.start, hit.end), hit.reading));
      }
    }
  },
});

const NOUN_PHRASE_CHAR = /[\p{L}\s-]/iu;
const DETERMINER = /^(?:its|their|his|her|the|a|an)$/iu;
const HAVE_AT_END = /\b(?:had|has|have)$/iu;

/** Where the run of spaces (or of other characters) that ends at `end` in `s` begins. */
function runStart(s: string, end: number, spaces: boolean): number {
  let i = end;
  while (i > 0 && SPACE.test(s[i - 1]) === spaces) i--;
  return i;
}

/**
 * True when `before` ends in "had", "has" or "have", a determiner and 1 to 30 letters, spaces or
 * hyphens ("had the rollout checklist"): what `/\b(?:had|has|have)\s+(?:its|their|his|her|the|a|an)\s+[\p{L}\s-]{1,30}$/iu`
 * tests, read from the end. (That pattern, from each determiner, tried every split of a long run of
 * spaces between its \s+ and the run of letters and spaces: cubic.) The run may begin after any space
 * among the last 30 code points that are all letters, spaces or hyphens; every start in one run of
 * spaces leaves the same words before it, so each run is read once.
 */
export function endsInPossession(before: string): boolean {
  let e = before.length;
  for (let n = 0; n < 30 && e > 0; n++) {
    const c = before.charCodeAt(e - 1);
    const pair = c >= 0xdc00 && c <= 0xdfff && e >= 2 && before.charCodeAt(e - 2) >= 0xd800 && before.charCodeAt(e - 2) <= 0xdbff;
    if (!NOUN_PHRASE_CHAR.test(before.slice(pair ? e - 2 : e - 1, e))) return false;
    e -= pair ? 2 : 1;
    // The run may start at e when a space comes before it; the first such e in a run of spaces stands for them all.
    if (e > 0 && SPACE.test(before[e - 1]) && (n === 0 || !SPACE.test(before[e]))) {
      const det = runStart(before, e, true);
      const detStart = runStart(before, det, false);
      if (detStart === det || detStart === 0 || !DETERMINER.test(before.slice(detStart, det))) continue;
      const have = runStart(before, detStart, true);
      if (HAVE_AT_END.test(before.slice(runStart(before, have, false), have))) return true;
    }
  }
  return false;
}
