/**
 * Messages of the blamelessness rules name the offending words (quoted, as written) and say what to
 * write instead, in words that are themselves blameless: re-analysed as prose, a message raises no
 * blame-language or hindsight-bias finding, and it addresses no one as "you".
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core';

const RULES = ['blame-language', 'person-as-cause', 'human-error-root-cause', 'hindsight-bias'];
const dir = join(__dirname, '..', 'fixtures', 'rules');

describe('blamelessness messages', () => {
  const messages = new Map<string, { rule: string; words: string }>();
  for (const rule of RULES) {
    for (const f of readdirSync(join(dir, rule)).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(dir, rule, f), 'utf8');
      for (const x of analyze(text).findings.filter((x) => RULES.includes(x.rule)))
        messages.set(x.message, { rule: x.rule, words: text.slice(x.start, x.end) });
    }
  }

  it('come from every rule', () => {
    for (const rule of RULES)
      assert.ok(
        [...messages.values()].some((m) => m.rule === rule),
        rule,
      );
  });

  it('quote the offending words as written', () => {
    for (const [message, { rule, words }] of messages) {
      const quoted = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1].replace(/\s+/g, ' '));
      const w = words.replace(/\s+/g, ' ');
      assert.ok(
        quoted.some((q) => q.includes(w) || w.includes(q)),
        `${rule}: "${message}" does not quote "${words}"`,
      );
    }
  });

  it('say what to write instead', () => {
    for (const [message, { rule }] of messages) {
      assert.match(message, /; (?:describe|state|say|name|ask|end|record|write|refer)\b|; .*\b(?:describe|write|name)\b/, `${rule}: ${message}`);
    }
  });

  it('are themselves blameless', () => {
    const doc = (m: string) => `# Postmortem: messages\n\n## What went poorly\n\n- ${m}\n`;
    for (const [message, { rule }] of messages) {
      assert.ok(!/\byou\b/i.test(message), `${rule} addresses the reader as "you": ${message}`);
      const found = analyze(doc(message)).findings.filter((f) => f.rule === 'blame-language' || f.rule === 'hindsight-bias');
      assert.deepEqual(
        found.map((f) => `${f.rule}: ${f.message}`),
        [],
        `${rule}: ${message}`,
      );
    }
  });
});
