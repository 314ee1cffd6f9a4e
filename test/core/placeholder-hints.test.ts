/**
 * placeholder-text skips a pattern when the document lacks its hint (a short native search). That is
 * only safe if every match of the pattern contains its hint: checked on the rule's fixtures and on
 * generated text built from template pieces.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { HINTS, PLACEHOLDER_PATTERNS } from '../../core/rules/placeholder-text';
import { allMatches } from '../../core/language/regexp';

const KINDS = Object.keys(PLACEHOLDER_PATTERNS) as Array<keyof typeof PLACEHOLDER_PATTERNS>;
const dir = join(__dirname, '..', 'fixtures', 'rules', 'placeholder-text');
const fixtures = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
const pieces = [
  'YYYY', 'yyyy', 'MM', 'mm', 'DD', 'dd', 'HH', 'hh', 'SS', 'YY', '-', '/', '.', ':', 'T', ' ', 'N', 'NN', 'X', 'XX', 'XXX', 'xxx', ',', '?', '??',
  '%', '$', '€', '£', 'users', 'minutes', 'TODO', 'ToDo', 'todo', 'FIXME', ':', '[', ']', '<', '>', 'INCIDENT TITLE', 'tbd', 'TBD', 'TBC',
  'To be determined', 'to be written', '\n', 'a', 'Ana', '\u00a0', '\t',
];
const generated = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((p) => p.join(''));

function check(text: string): number {
  let n = 0;
  for (const kind of KINDS) {
    const re = PLACEHOLDER_PATTERNS[kind];
    const ms = re.global ? allMatches(re, text) : [re.exec(text)].filter((m): m is RegExpExecArray => m !== null);
    for (const m of ms) {
      n++;
      // The match and what its look-ahead reads ("ToDo" only counts before ":").
      const seen = text.slice(m.index, m.index + m[0].length + 1);
      assert.ok(HINTS[kind].test(seen), `${kind}: match ${JSON.stringify(seen)} lacks its hint ${HINTS[kind]}`);
    }
  }
  return n;
}

describe('placeholder-text: pattern hints', () => {
  it('every match in the fixtures contains its hint', () => {
    let n = 0;
    for (const f of fixtures) {
      n += check(f);
      // tbd is anchored: try it on every line too, as the rule does on paragraphs and cells.
      for (const line of f.split('\n')) n += check(line.replace(/^[\s*_|]+/, ''));
    }
    assert.ok(n > 10, `only ${n} matches in the fixtures`);
  });

  it('every match in generated text contains its hint', () => {
    let n = 0;
    fc.assert(fc.property(generated, (t) => void (n += check(t))), { numRuns: 10000, seed: 20261123 });
    assert.ok(n > 300, `only ${n} matches`);
  });
});
