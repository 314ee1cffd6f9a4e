/**
 * The configuration schema (config/schema.ts): every key is read and turned into analysis
 * options; every mistake becomes a problem at the offending key or value, and the valid rest applies.
 */
import { strict as assert } from 'node:assert';
import { checkConfigData, configFromSettings, configToOptions, mergeConfigs, parseConfigText, type ParsedConfig } from '../../config/schema';
import { RULES } from '../../core';

/** The text a problem points at. */
function at(text: string, r: ParsedConfig, i = 0): string {
  const p = r.problems[i];
  return text.slice(p.span.start, p.span.end);
}

describe('configuration: parsing and checking', () => {
  const FULL = `root: true
rules:
  blame-language: error
  section-missing: [info, { note: kept as given }]
  metadata-invalid: off
template:
  sections: [summary, impact, timeline, action-items]
  aliases:
    timeline: [Chronology of the outage]
people:
  notPeople: [Jenkins, Hermes]
  roster:
    - name: Dana Okafor
      role: incident commander
    - Lee Park
phrases:
  blame:
    add: [dropped the ball]
    remove: [careless]
  vague:
    add: [tighten up]
actionItems:
  windows:
    SEV-1: 7
    SEV-2: 21
    SEV-3: quarter
ignore:
  - drafts/**
status:
  draftWarningsAsHints: false
  finalWarningsAsErrors: true
`;

  it('reads every key of a valid file with no problems', () => {
    const r = parseConfigText(FULL, 'yaml');
    assert.deepEqual(r.problems, []);
    assert.equal(r.config.root, true);
    assert.deepEqual(r.config.ignore, ['drafts/**']);
  });

  it('turns every key into analysis options', () => {
    const o = configToOptions(parseConfigText(FULL, 'yaml').config);
    assert.deepEqual(o.rules, { 'blame-language': 'error', 'section-missing': 'info', 'metadata-invalid': 'off' });
    assert.deepEqual(o.ruleOptions, { 'section-missing': { note: 'kept as given' } });
    assert.deepEqual(o.template, ['summary', 'impact', 'timeline', 'action-items']);
    assert.deepEqual(o.sectionAliases, { timeline: ['Chronology of the outage'] });
    assert.deepEqual(o.people, { notPeople: ['Jenkins', 'Hermes'], roster: [{ name: 'Dana Okafor', role: 'incident commander' }, { name: 'Lee Park' }] });
    assert.deepEqual(o.phrases, { blame: { add: ['dropped the ball'], remove: ['careless'] }, vague: { add: ['tighten up'] } });
    assert.deepEqual(o.actionItemWindows, { 'SEV-1': 7, 'SEV-2': 21, 'SEV-3': 'quarter' });
    assert.deepEqual(o.status, { draftWarningsAsHints: false, finalWarningsAsErrors: true });
  });

  it('accepts the template as a plain list of sections', () => {
    const r = parseConfigText('template: [summary, timeline]\n', 'yaml');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(configToOptions(r.config).template, ['summary', 'timeline']);
  });

  it('turns status shaping on by default, and each half can be switched off', () => {
    assert.deepEqual(configToOptions({}).status, { draftWarningsAsHints: true, finalWarningsAsErrors: true });
    assert.deepEqual(configToOptions({ status: { finalWarningsAsErrors: false } }).status, { draftWarningsAsHints: true, finalWarningsAsErrors: false });
  });

  it('reads the same settings from JSON', () => {
    const json = JSON.stringify({ rules: { 'blame-language': 'error' }, ignore: ['old/**'] }, null, 2);
    const r = parseConfigText(json, 'json');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config, { rules: { 'blame-language': 'error' }, ignore: ['old/**'] });
  });

  it('reports an unknown rule id on the id, and keeps the other rules', () => {
    const text = 'rules:\n  blame-langauge: error\n  section-missing: off\n';
    const r = parseConfigText(text, 'yaml');
    assert.equal(r.problems.length, 1);
    assert.equal(at(text, r), 'blame-langauge');
    assert.match(r.problems[0].message, /"blame-langauge" is not a rule id/);
    assert.deepEqual(r.config.rules, { 'section-missing': 'off' });
  });

  it('reports an unknown key on the key, at any depth', () => {
    const text = 'colour: red\npeople:\n  roster: [Lee Park]\n  teams: [sre]\nstatus:\n  draftAsHints: true\n';
    const r = parseConfigText(text, 'yaml');
    assert.deepEqual(r.problems.map((_, i) => at(text, r, i)).sort(), ['colour', 'draftAsHints', 'teams']);
    assert.ok(r.problems.some((p) => /unknown key "colour" at the top level/.test(p.message)));
    assert.ok(r.problems.some((p) => /unknown key "teams" in "people"/.test(p.message)));
    assert.deepEqual(r.config.people, { roster: ['Lee Park'] });
  });

  it('reports a bad severity on its value and names the allowed ones', () => {
    const text = 'rules:\n  blame-language: loud\n  metadata-invalid: [error, 3]\n';
    const r = parseConfigText(text, 'yaml');
    assert.equal(r.problems.length, 2);
    assert.deepEqual(r.problems.map((_, i) => at(text, r, i)).sort(), ['3', 'loud']);
    assert.ok(r.problems.every((p) => /off, hint, info, warning or error/.test(p.message)));
    assert.deepEqual(configToOptions(r.config).rules ?? {}, {});
  });

  it('reports a bad section kind, a bad window and a missing roster name, keeping the rest', () => {
    const text =
      'template: [summary, impactt, timeline]\nactionItems:\n  windows:\n    SEV-1: soon\n    SEV-2: 30\npeople:\n  roster:\n    - role: scribe\n    - Lee Park\n';
    const r = parseConfigText(text, 'yaml');
    const texts = r.problems.map((_, i) => at(text, r, i));
    assert.ok(texts.includes('impactt'), texts.join('|'));
    assert.ok(texts.includes('soon'), texts.join('|'));
    assert.ok(
      r.problems.some((p) => /"name" is missing/.test(p.message)),
      r.problems.map((p) => p.message).join('\n'),
    );
    assert.deepEqual(r.config.template, ['summary', 'timeline']);
    assert.deepEqual(r.config.actionItems, { windows: { 'SEV-2': 30 } });
    assert.deepEqual(r.config.people, { roster: ['Lee Park'] });
  });

  it('takes phrases literally and rejects what is not a phrase', () => {
    const text = 'phrases:\n  blame:\n    add: ["(a+)+$", ""]\n';
    const r = parseConfigText(text, 'yaml');
    // A pattern-looking phrase is just text; an empty one is a problem.
    assert.equal(r.problems.length, 1);
    assert.deepEqual(r.config.phrases, { blame: { add: ['(a+)+$'] } });
  });

  it('reports YAML syntax errors where the YAML goes wrong, with no settings applied', () => {
    const text = 'rules:\n  blame-language: error\n   section-missing: off\n';
    const r = parseConfigText(text, 'yaml');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /^not valid YAML/);
    assert.ok(r.problems[0].span.start >= text.indexOf('\n') + 1, 'not on the first line');
    assert.deepEqual(r.config, {});
  });

  it('reports JSON syntax errors and duplicate keys', () => {
    const bad = parseConfigText('{ "rules": { "blame-language": "error", } ', 'json');
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0].message, /^not valid JSON/);
    const dup = parseConfigText('rules:\n  blame-language: error\nrules:\n  section-missing: off\n', 'yaml');
    assert.equal(dup.problems.length, 1);
  });

  it('reports a file that is not a map, and takes an empty file as no settings', () => {
    assert.match(parseConfigText('- blame-language\n', 'yaml').problems[0].message, /expected a map/);
    assert.deepEqual(parseConfigText('', 'yaml'), { config: {}, problems: [] });
    assert.deepEqual(parseConfigText('# nothing yet\n', 'yaml'), { config: {}, problems: [] });
  });

  it('knows every registered rule', () => {
    const text = 'rules:\n' + RULES.map((r) => `  ${r.id}: hint\n`).join('');
    assert.deepEqual(parseConfigText(text, 'yaml').problems, []);
  });

  it('merges files farthest first: rules one by one, other keys per key, ignore lists added up', () => {
    const far = parseConfigText(
      'rules:\n  blame-language: error\n  section-missing: off\npeople:\n  notPeople: [Jenkins]\nignore: [a/**]\nstatus:\n  draftWarningsAsHints: false\n',
      'yaml',
    ).config;
    const near = parseConfigText(
      'rules:\n  blame-language: info\npeople:\n  roster: [Lee Park]\nignore: [b/**]\nstatus:\n  finalWarningsAsErrors: false\n',
      'yaml',
    ).config;
    const m = mergeConfigs([far, near]);
    assert.deepEqual(m.rules, { 'blame-language': 'info', 'section-missing': 'off' });
    assert.deepEqual(m.people, { notPeople: ['Jenkins'], roster: ['Lee Park'] });
    assert.deepEqual(m.ignore, ['a/**', 'b/**']);
    assert.deepEqual(m.status, { draftWarningsAsHints: false, finalWarningsAsErrors: false });
  });

  it('checks VS Code settings with the same schema', () => {
    const ok = configFromSettings({ rules: { 'blame-language': 'error' }, status: { finalWarningsAsErrors: false }, template: undefined });
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.config, { rules: { 'blame-language': 'error' }, status: { finalWarningsAsErrors: false } });
    const bad = configFromSettings({ rules: { 'no-such-rule': 'error', 'blame-language': 'warning' } });
    assert.equal(bad.problems.length, 1);
    assert.deepEqual(bad.config.rules, { 'blame-language': 'warning' });
    assert.deepEqual(checkConfigData(null), { config: {}, problems: [] });
  });
});
