/**
 * The blamelessness phrase lists are reviewed data: every entry is well formed, no phrase is listed
 * twice, and every `examples.flag` / `examples.clean` sentence runs as a test through analyze(),
 * placed in the section where a writer would put it inside a small generated postmortem.
 */
import { strict as assert } from 'node:assert';
import { analyze, type Finding } from '../../core';
import { AGENCY_EXAMPLES } from '../../core/data/agency';
import { BLAME_PHRASES, PERSON_WORDS } from '../../core/data/blame';
import { HINDSIGHT, HUMAN_ACTIONS, HUMAN_ERROR, TIMELINE_EXAMPLES } from '../../core/data/causes';
import { fold, PhraseMatcher } from '../../core/language/match';

export type Place = 'summary' | 'timeline' | 'root-causes' | 'what-went-poorly';

/** A small postmortem with `line` in the given place; returns the text and where the line stands. */
export function postmortemWith(place: Place, line: string): { text: string; start: number; end: number } {
  const parts: Record<Place, string> = {
    summary: 'The booking API returned errors for 20 minutes after a configuration change.',
    timeline: '- 10:00 The configuration change is deployed.\n- 10:04 Error rate alert fires.',
    'root-causes': 'The booking API reads its pool size from a file that no check validates.',
    'what-went-poorly': '- The first page went to an old rotation.',
  };
  const marker = '\u0000';
  parts[place] =
    place === 'timeline'
      ? `${parts[place]}\n- 10:05 ${marker}`
      : place === 'what-went-poorly'
        ? `${parts[place]}\n- ${marker}`
        : `${parts[place]}\n\n${marker}`;
  const text = [
    '---',
    'title: Booking API errors after a pool-size change',
    'date: 2026-03-02',
    'severity: SEV-3',
    'authors: [Ana Ruiz]',
    'commander: Tomas Berg',
    'responders: [Ana Ruiz, "@kwame"]',
    'type: postmortem',
    '---',
    '',
    '# Booking API errors after a pool-size change',
    '',
    '## Summary',
    '',
    parts.summary,
    '',
    '## Timeline',
    '',
    parts.timeline,
    '',
    '## Root causes',
    '',
    parts['root-causes'],
    '',
    '## What went poorly',
    '',
    parts['what-went-poorly'],
    '',
    '## Action items',
    '',
    '| Action | Owner | Due |',
    '|---|---|---|',
    '| Validate the pool size before the service starts | Ana Ruiz | 2026-03-16 |',
    '',
  ].join('\n');
  const start = text.indexOf(marker);
  return { text: text.replace(marker, line), start, end: start + line.length };
}

/** Findings of `rule` that start inside the example's line. */
export function findingsIn(place: Place, line: string, rule: string): { text: string; found: Finding[] } {
  const { text, start, end } = postmortemWith(place, line);
  const res = analyze(text, { today: '2026-11-23' });
  assert.deepEqual(res.internalErrors, []);
  return { text, found: res.findings.filter((f) => f.rule === rule && f.start >= start && f.start < end) };
}

const key = (p: string) => fold(p).replace(/\s+/g, ' ').trim();

function duplicates(xs: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(xs.filter((x) => (seen.has(x) ? true : (seen.add(x), false))))];
}

/** Runs each example and checks that the reported words are one of the entry's phrases. */
function runExamples(name: string, place: Place, rule: string, examples: { flag: string[]; clean: string[] }, phrases?: string[]) {
  const own = phrases ? new Set(phrases.map(key)) : undefined;
  for (const ex of examples.flag) {
    it(`${name} flags: ${ex}`, () => {
      const { text, found } = findingsIn(place, ex, rule);
      assert.ok(found.length >= 1, `expected ${rule} on: ${ex}`);
      if (own) {
        const words = found.map((f) => key(text.slice(f.start, f.end)));
        assert.ok(
          words.some((w) => own.has(w)),
          `reported ${JSON.stringify(words)}, none of them a phrase of ${name}`,
        );
      }
    });
  }
  for (const ex of examples.clean) {
    it(`${name} leaves alone: ${ex}`, () => {
      const { text, found } = findingsIn(place, ex, rule);
      assert.deepEqual(
        found.map((f) => `${text.slice(f.start, f.end)}: ${f.message}`),
        [],
      );
    });
  }
}

describe('blamelessness phrase data', () => {
  describe('is well formed', () => {
    it('entries have unique ids, phrases and at least one example of each kind', () => {
      for (const [name, list] of Object.entries({ BLAME_PHRASES, HINDSIGHT })) {
        assert.deepEqual(duplicates(list.map((e) => e.id)), [], `${name}: duplicate ids`);
        for (const e of list) {
          assert.ok(e.phrases.length > 0, `${name}/${e.id} has phrases`);
          assert.ok(e.examples.flag.length > 0 && e.examples.clean.length > 0, `${name}/${e.id} has flag and clean examples`);
          assert.ok(e.instead.length > 10, `${name}/${e.id} says what to write instead`);
        }
      }
      for (const [name, cue] of Object.entries({ HUMAN_ERROR, HUMAN_ACTIONS })) {
        assert.ok(cue.examples.flag.length > 0 && cue.examples.clean.length > 0, `${name} has flag and clean examples`);
        assert.ok(cue.note.length > 10, `${name} has a note`);
      }
    });

    it('lists no phrase twice, within an entry or across entries of one matcher', () => {
      assert.deepEqual(duplicates(BLAME_PHRASES.flatMap((e) => e.phrases.map(key))), [], 'BLAME_PHRASES');
      assert.deepEqual(duplicates(HINDSIGHT.flatMap((e) => e.phrases.map(key))), [], 'HINDSIGHT');
      assert.deepEqual(duplicates([...HUMAN_ERROR.phrases, ...HUMAN_ACTIONS.phrases].map(key)), [], 'HUMAN_ERROR + HUMAN_ACTIONS');
      assert.deepEqual(duplicates(PERSON_WORDS), [], 'PERSON_WORDS');
    });

    it('keeps phrases literal, trimmed and lower case', () => {
      const all = [...BLAME_PHRASES.flatMap((e) => e.phrases), ...HINDSIGHT.flatMap((e) => e.phrases), ...HUMAN_ERROR.phrases, ...HUMAN_ACTIONS.phrases];
      assert.deepEqual(
        all.filter((p) => p !== p.trim() || p !== p.toLowerCase() || /\s{2}/.test(p)),
        [],
      );
    });

    it('gives every flag example a phrase of its own entry', () => {
      for (const e of [...BLAME_PHRASES, ...HINDSIGHT]) {
        const m = new PhraseMatcher([{ phrases: e.phrases, entry: true }]);
        for (const ex of e.examples.flag) assert.ok(m.scan(ex).length > 0, `${e.id}: "${ex}" holds none of its phrases`);
      }
      const he = new PhraseMatcher([{ phrases: [...HUMAN_ERROR.phrases, ...HUMAN_ACTIONS.phrases], entry: true }]);
      for (const ex of [...HUMAN_ERROR.examples.flag, ...HUMAN_ACTIONS.examples.flag]) assert.ok(he.scan(ex).length > 0, ex);
    });

    it('writes its suggestions in blameless words', () => {
      const blame = new PhraseMatcher([{ phrases: [...BLAME_PHRASES.flatMap((e) => e.phrases), ...HINDSIGHT.flatMap((e) => e.phrases)], entry: true }]);
      for (const e of [...BLAME_PHRASES, ...HINDSIGHT]) {
        // The suggestion may quote a rewrite ("what would have caught this earlier?"), never use blame itself.
        const unquoted = e.instead.replace(/"[^"]*"/g, '""');
        assert.deepEqual(
          blame.scan(unquoted).map((h) => h.phrase),
          [],
          e.id,
        );
        assert.ok(!/\byou\b/i.test(e.instead), `${e.id} addresses no one as "you"`);
      }
    });
  });

  describe('blame-language examples (What went poorly)', () => {
    for (const e of BLAME_PHRASES) runExamples(e.id, 'what-went-poorly', 'blame-language', e.examples, e.phrases);
  });

  describe('hindsight-bias examples (What went poorly, and timeline entries)', () => {
    for (const e of HINDSIGHT) runExamples(e.id, 'what-went-poorly', 'hindsight-bias', e.examples, e.phrases);
    runExamples('timeline', 'timeline', 'hindsight-bias', TIMELINE_EXAMPLES);
  });

  describe('human-error-root-cause examples (Root causes)', () => {
    runExamples('HUMAN_ERROR', 'root-causes', 'human-error-root-cause', HUMAN_ERROR.examples, HUMAN_ERROR.phrases);
    runExamples('HUMAN_ACTIONS', 'root-causes', 'human-error-root-cause', HUMAN_ACTIONS.examples, HUMAN_ACTIONS.phrases);
  });

  describe('person-as-cause examples (Root causes)', () => {
    runExamples('agency', 'root-causes', 'person-as-cause', AGENCY_EXAMPLES);
  });

  describe('the generated postmortem itself', () => {
    it('raises no blamelessness finding without an example in it', () => {
      const { text } = postmortemWith('root-causes', 'The pool size file has no schema.');
      const rules = ['blame-language', 'person-as-cause', 'human-error-root-cause', 'hindsight-bias'];
      assert.deepEqual(
        analyze(text)
          .findings.filter((f) => rules.includes(f.rule))
          .map((f) => f.message),
        [],
      );
    });
  });
});
