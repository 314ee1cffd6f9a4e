/**
 * Configuration that extends the core's built-in lists: `template.aliases` (AnalyzeOptions.sectionAliases)
 * names sections by extra headings, and `phrases.blame` / `phrases.vague` add literal phrases to, or
 * remove them from, the lists of blame-language and action-item-vague. Each test checks the same text
 * with and without the option, so it fails when the option is not read.
 */
import { strict as assert } from 'node:assert';
import { analyze, ParseCache, RULES, type AnalyzeOptions, type SeveritySetting } from '../../core';
import { parseConfigText, configToOptions } from '../../config/schema';
import { ConfiguredMatcher } from '../../core/language/configuredPhrases';

const only = (...ids: string[]): AnalyzeOptions => ({
  today: '2026-05-04',
  rules: Object.fromEntries(RULES.filter((r) => !ids.includes(r.id)).map((r) => [r.id, 'off' as SeveritySetting])),
});

const kinds = (text: string, options: AnalyzeOptions = {}) => analyze(text, options).model.sections.map((s) => s.kind ?? null);
const rulesHit = (text: string, rule: string, options: AnalyzeOptions) =>
  analyze(text, { ...only(rule), ...options, rules: only(rule).rules }).findings.filter((f) => f.rule === rule);

describe('template.aliases: extra headings name a section', () => {
  const text =
    '# Search reindex stalled\n\n## Chronology of the outage\n\n- 10:02 UTC Reindex started.\n\n## 3. Fallout\n\nSearch results were stale for two hours.\n\n## Background\n\nThe index is rebuilt weekly.\n';

  it('maps an extra heading to its kind, compared like the built-in aliases (case, numbering, punctuation)', () => {
    assert.deepEqual(kinds(text), [null, null, 'supporting-information']);
    const aliases = { impact: ['fallout'], timeline: ['Chronology of the outage!'] };
    assert.deepEqual(kinds(text, { sectionAliases: aliases }), ['timeline', 'impact', 'supporting-information']);
  });

  it('wins over a built-in alias, so a team can call its trigger "Background"', () => {
    assert.deepEqual(kinds(text, { sectionAliases: { trigger: ['background'] } }), [null, null, 'trigger']);
  });

  it('changes what section-missing reports, through the configuration file', () => {
    const cfg = parseConfigText(
      'template:\n  sections: [timeline, impact]\n  aliases:\n    impact: [Fallout]\n    timeline: [Chronology of the outage]\n',
      'yaml',
    );
    assert.deepEqual(cfg.problems, []);
    const opts = configToOptions(cfg.config);
    const without = rulesHit(text, 'section-missing', { template: opts.template });
    assert.equal(without.length, 2);
    assert.match(without.map((f) => f.message).join(' '), /Timeline.*Impact|Impact.*Timeline/s);
    assert.deepEqual(rulesHit(text, 'section-missing', opts), []);
  });

  it('is honoured by incremental re-analysis with a parse cache', () => {
    const cache = new ParseCache();
    assert.equal(analyze(text, {}, cache).model.sections[1].kind, undefined);
    assert.equal(analyze(text, { sectionAliases: { impact: ['fallout'] } }, cache).model.sections[1].kind, 'impact');
    assert.equal(analyze(text, {}, cache).model.sections[1].kind, undefined);
  });
});

describe('phrases: literal additions and removals', () => {
  const blameText = '# Queue backlog\n\n## Summary\n\nA sloppy rollout left the consumers paused. The dashboards went sideways after the failover.\n';

  it('blame-language flags an added phrase and stops flagging a removed one', () => {
    const base = rulesHit(blameText, 'blame-language', {});
    assert.deepEqual(
      base.map((f) => blameText.slice(f.start, f.end)),
      ['sloppy'],
    );
    const changed = rulesHit(blameText, 'blame-language', { phrases: { blame: { add: ['went  sideways'], remove: ['SLOPPY'] } } });
    assert.deepEqual(
      changed.map((f) => blameText.slice(f.start, f.end)),
      ['went sideways'],
    );
    assert.match(changed[0].message, /"went sideways"/);
  });

  it('blame-language keeps the built-in entry for an added phrase that is already built in', () => {
    const base = rulesHit(blameText, 'blame-language', {});
    const again = rulesHit(blameText, 'blame-language', { phrases: { blame: { add: ['sloppy'] } } });
    assert.deepEqual(
      again.map((f) => f.message),
      base.map((f) => f.message),
    );
  });

  it('a phrase both added and removed is not flagged', () => {
    assert.deepEqual(rulesHit(blameText, 'blame-language', { phrases: { blame: { add: ['went sideways'], remove: ['went sideways', 'sloppy'] } } }), []);
  });

  const items =
    '# Queue backlog\n\n## Action items\n\n- Tighten up the consumer alerts (owner: @kim, due: 2026-05-20, ticket: OPS-12)\n- Improve the runbook (owner: @lee, due: 2026-05-20, ticket: OPS-13)\n- Tighten up paging: alert when consumer lag > 5 min (owner: @kim, due: 2026-05-20, ticket: OPS-14)\n';
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

  it('action-item-vague flags an added phrase anywhere (a concrete check still rescues it) and drops a removed one', () => {
    const base = rulesHit(items, 'action-item-vague', {});
    assert.deepEqual(
      base.map((f) => lineOf(items, f.start)),
      [6],
    );
    const changed = rulesHit(items, 'action-item-vague', { phrases: { vague: { add: ['tighten up'], remove: ['improve'] } } });
    assert.deepEqual(
      changed.map((f) => lineOf(items, f.start)),
      [5],
    );
    assert.match(changed[0].message, /"tighten up"/);
  });

  it('is honoured by incremental re-analysis with a parse cache', () => {
    const cache = new ParseCache();
    const opts = (phrases?: AnalyzeOptions['phrases']) => ({ ...only('blame-language'), ...(phrases ? { phrases } : {}) });
    assert.equal(analyze(blameText, opts(), cache).findings.length, 1);
    assert.equal(analyze(blameText, opts({ blame: { remove: ['sloppy'] } }), cache).findings.length, 0);
    assert.equal(analyze(blameText, opts(), cache).findings.length, 1);
  });

  it('builds a matcher once per distinct change set', () => {
    const m = new ConfiguredMatcher<string>([{ phrases: ['look into'], entry: 'builtin' }], 'added');
    assert.equal(m.get(undefined), m.get({}), 'no changes: the built-in matcher');
    assert.equal(m.get(undefined), m.get({ add: [], remove: [] }));
    const a = m.get({ add: ['circle back'] });
    assert.notEqual(a, m.get(undefined));
    assert.equal(m.get({ add: ['circle back'] }), a, 'an equal change set (another object) reuses the matcher');
    assert.deepEqual(
      a.scan('We will circle back and look into it').map((h) => h.entry),
      ['added', 'builtin'],
    );
    const noAdd = new ConfiguredMatcher<string>([{ phrases: ['look into'], entry: 'builtin' }]);
    assert.deepEqual(
      noAdd
        .get({ add: ['circle back'] })
        .scan('circle back, look into')
        .map((h) => h.entry),
      ['builtin'],
      'a matcher without an added entry ignores additions',
    );
  });
});
