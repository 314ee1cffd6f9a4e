/**
 * The front-matter shortcut (extract/flatYaml.ts) must answer only where it agrees with yaml: same
 * keys, same key and value ranges, same values. Generated front matter mixes lines inside the subset
 * with lines yaml reads differently (numbers, booleans, null, comments, quotes, lists, nesting, tabs,
 * duplicates), so both "answers and agrees" and "declines" are exercised.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isMap, isScalar, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { analyze } from '../../core';
import { readFlatToml, readFlatYaml } from '../../core/extract/flatYaml';

const KEYS = ['owner', 'team', 'service', 'region', 'ticket', 'reviewers', 'summary', 'id', 'incident-id', 'tags', 'title', 'date', 'severity', 'status', 'authors', 'commander', 'Incident Commander', 'start', 'end', 'type', 'sev', 'x-team', 'true', 'null', 'Title', 'k9'];
/** Values inside the subset (or nearly): most lines of real front matter. */
const USUAL = [
  'Checkout outage', 'Queue backlog in eu-west', '2026-03-15', 'SEV-2', 'draft', 'Ana Silva', '[Ana, Ben]', '[Ana Silva, Ben Okafor]', 'team-payments',
  'postmortem', 'https://example.invalid/x', '2026-03-15T14:02Z',
];
const VALUES = [
  'Checkout outage', 'the session store outage on 2024-03-16', '2024-03-16', '2024-03-16T09:01Z', '2024-03-16 09:01 UTC', 'SEV-1',
  'sev 2', 'final', 'in review', 'Kwame Mensah', '@kmensah', 'Ana, Ben', 'https://example.invalid/a?b=c', '10:30', 'yes', 'no',
  'on', 'Ana\'s fix', 'say "hi"', 'foo [bar]', 'a {b}', 'x: y', 'ends with:', 'a #comment', 'a#b', '- item', '? q', ': c',
  '&anchor v', '*alias', '!tag v', '|', '>', '%x', '@at', '`tick`', "'quoted'", '"quoted"', '2', '-3', '+4', '1.5', '.5', '1e3',
  '0x1F', '0o17', '.inf', '-.Inf', '.NaN', 'true', 'False', 'null', 'NULL', '~', 'Ünïcödé naïve', '日本語のタイトル', 'emoji 🚒 fire',
  'tab\there', 'a\u00a0b', 'zero\u200bwidth', 'bell\u0007', 'a  b', '[Priya, Lars]', '[Priya,Lars]', '[ Priya , Lars ]', '[]', '[ ]',
  '[a, , b]', '[a, b,]', '[a, [b]]', '[a: b]', '["a", b]', '[1, 2]', '[true]', '[a, b] tail', '[a #c]', '{a: b}', '[a, b',
];
const line = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(' ', ' ', '  '), fc.constantFrom(...USUAL)).map(([k, g, v]) => `${k}:${g}${v}`) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(' ', '  ', '', '\t'), fc.constantFrom(...VALUES), fc.constantFrom('', '', ' ')).map(([k, g, v, t]) => `${k}:${g}${v}${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '# a comment', '  - nested', '  continued', '---', '...', 'key:', 'key: |', '  block', '- a', 'just text', 'a: b: c', ' title: indented', 'title: x\r') },
);
const frontMatter = fc.array(line, { minLength: 0, maxLength: 6 }).map((ls) => ls.join('\n'));

/** What yaml gives: the same shape as readFlatYaml, or undefined when yaml reports an error or no map. */
function viaYaml(src: string) {
  const doc = parseDocument(src, { uniqueKeys: true, prettyErrors: false, strict: false });
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  return (doc.contents.items as Pair<YamlNode, YamlNode>[]).map((p) => {
    assert.ok(isScalar(p.key));
    return {
      key: String(p.key.value),
      keyRange: [p.key.range![0], p.key.range![1]],
      valueRange: p.value ? [p.value.range![0], p.value.range![1]] : undefined,
      value: p.value ? p.value.toJS(doc) : null,
    };
  });
}

describe('front matter: the flat-YAML shortcut', () => {
  it('answers only where yaml reads the same keys, ranges and values', () => {
    let answered = 0;
    let declined = 0;
    fc.assert(
      fc.property(frontMatter, (src) => {
        const flat = readFlatYaml(src);
        if (!flat) {
          declined++;
          return;
        }
        answered++;
        assert.deepEqual(flat, viaYaml(src), JSON.stringify(src));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
    // Both paths were really taken (the generator is not all one kind).
    assert.ok(answered > 300 && declined > 300, `answered ${answered}, declined ${declined}`);
  });

  it('answers for the usual postmortem front matter', () => {
    const src = 'title: Checkout outage\ndate: 2026-03-15\nseverity: SEV-2\nstatus: draft\nauthors: [Ana Silva, Ben Okafor]\ncommander: Ana Silva';
    const flat = readFlatYaml(src);
    assert.ok(flat);
    assert.deepEqual(flat, viaYaml(src));
    assert.deepEqual(flat.map((p) => p.value), ['Checkout outage', '2026-03-15', 'SEV-2', 'draft', ['Ana Silva', 'Ben Okafor'], 'Ana Silva']);
  });

  it('declines what yaml reads differently', () => {
    for (const src of ['severity: 2', 'date: null', 'title: "Quoted"', 'title: a # note', 'authors:\n  - Ana', 'title: a\ntitle: b', 'title:\tx', 'ok: true', 'title: x: y']) {
      assert.equal(readFlatYaml(src), undefined, src);
    }
  });

  it('gives the same findings and model as yaml on whole documents', () => {
    // Documents whose front matter takes the shortcut, and the same with a comment line that sends it to yaml.
    const bodies = ['severity: SEV-9', 'started: 2026-02-30', 'status: archived', 'authors: []', 'start: 2026-03-15T25:00Z', 'owner: team-x'];
    for (const extra of bodies) {
      const fm = `title: Queue backlog\ndate: 2026-03-15\n${extra}\ncommander: Ana Silva`;
      const doc = (front: string) => `---\n${front}\n---\n\n# Queue backlog\n\n## Summary\n\nThe queue backed up for 20 minutes.\n`;
      assert.ok(readFlatYaml(fm), fm);
      const flat = analyze(doc(fm), { today: '2026-04-01' });
      // A comment line at the end of the front matter: offsets up to it agree, later ones move by its length.
      const viaLib = analyze(doc(`${fm}\n# c`), { today: '2026-04-01' });
      assert.deepEqual(flat.model.metadata.fields, viaLib.model.metadata.fields, fm);
      assert.deepEqual(flat.model.metadata.problems, viaLib.model.metadata.problems, fm);
      assert.deepEqual(flat.model.metadata.extra, viaLib.model.metadata.extra, fm);
      const fmEnd = '---\n'.length + fm.length;
      const back = (x: number) => (x > fmEnd ? x - '\n# c'.length : x);
      const moved = viaLib.findings.map((f) => ({ ...f, start: back(f.start), end: back(f.end) }));
      assert.deepEqual(flat.findings.map((f) => [f.rule, f.start, f.end, f.message]), moved.map((f) => [f.rule, f.start, f.end, f.message]), fm);
    }
  });
});

describe('readFlatToml (TOML front matter, read in one pass)', () => {
  it('reads strings, arrays with escaped and single-quoted items, and drops a trailing comment', () => {
    const src = 'title = "A \\"quoted\\" name"  # note\nauthors = ["Ana \\"A\\"", \'Ben\', "Cy"]\t# who\ndate = 2026-03-02\n';
    const got = readFlatToml(src).map((p) => [p.key, p.value, src.slice(...p.valueRange)]);
    assert.deepEqual(got, [
      ['title', 'A "quoted" name', '"A \\"quoted\\" name"'],
      ['authors', ['Ana "A"', 'Ben', 'Cy'], '["Ana \\"A\\"", \'Ben\', "Cy"]'],
      ['date', '2026-03-02', '2026-03-02'],
    ]);
  });
  it('skips an unclosed string in an array and keeps reading the items after it', () => {
    assert.deepEqual(readFlatToml('tags = ["a\\"\\"\\", \'b\', \'c\']\n')[0].value, ['b', 'c']);
    assert.deepEqual(readFlatToml('tags = [\'x, "y"]\n')[0].value, ['y']);
    assert.deepEqual(readFlatToml('tags = ["p\\\\", "q"]\n')[0].value, ['p\\\\', 'q']);
  });
  it('keeps a "#" with no space before it, and reads a value with long runs of spaces', () => {
    assert.equal(readFlatToml('k = a#b\n')[0].value, 'a#b');
    const spaces = ' '.repeat(5000);
    assert.equal(readFlatToml(`k =${spaces}v${spaces}w${spaces}\n`)[0].value, `v${spaces}w`);
  });
});
