/**
 * The Markdown snippets (snippets/postmortem.code-snippets): well-formed, discoverable, and — what
 * matters — what they insert is a postmortem the analysis core reads the way the author meant:
 * the full template passes the structure and metadata checks, and the tables, chains and lists the
 * smaller snippets insert come out of the model with the right fields.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, RULES } from '../../core/index';
import { DEFAULT_TEMPLATE, SECTION_INFO } from '../../core/data/sections';
import { ACTION_TYPES } from '../../core/extract/actionItems';
import { normalizeSeverity } from '../../core/extract/metadata';
import { ACCOUNTABILITY_RULES } from '../../core/engine/suppress';
import { expandSnippet, KNOWN_VARIABLES, parseSnippet, tabStops, TEST_VARIABLES, variables, type ExpandOptions } from './snippetSyntax';

const root = join(__dirname, '..', '..');
const SNIPPETS_PATH = join(root, 'snippets', 'postmortem.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

// The file is kept strict JSON (VS Code would also accept comments); JSON.parse enforces that.
const snippets = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;

const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).filter((s) => prefixesOf(s).includes(prefix));
  assert.equal(found.length, 1, `one snippet has the prefix ${prefix}`);
  return found[0];
}

function expand(prefix: string, options?: ExpandOptions): string {
  return expandSnippet(byPrefix(prefix).body, options);
}

/** The values of a choice tab stop of a snippet. */
function choicesOf(prefix: string, index: number): string[] {
  const t = tabStops(parseSnippet(bodyOf(byPrefix(prefix)))).find((x) => x.index === index && x.choices);
  assert.ok(t?.choices, `${prefix} has a choice at tab stop ${index}`);
  return t.choices;
}

const fieldValues = (fields: Record<string, { value: string } | undefined>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.value]));

const STRUCTURE_RULES = ['section-missing', 'metadata-invalid', 'metadata-missing'];

describe('snippets', () => {
  describe('the file', () => {
    it('is contributed for Markdown in package.json, at a path that exists', () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const entries = (pkg.contributes?.snippets ?? []) as Array<{ language: string; path: string }>;
      const entry = entries.find((e) => join(root, e.path) === SNIPPETS_PATH);
      assert.ok(entry, 'contributes.snippets has no entry for snippets/postmortem.code-snippets');
      assert.equal(entry.language, 'markdown');
      assert.ok(existsSync(join(root, entry.path)));
    });

    it('gives every snippet a prefix, a body and a description', () => {
      const names = Object.keys(snippets);
      assert.ok(names.length >= 13, `expected the full set of snippets, found ${names.length}`);
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(prefixesOf(s).length > 0 && prefixesOf(s).every((p) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
        assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
        assert.ok(bodyOf(s).trim().length > 0, `${name}: empty body`);
        assert.ok(typeof s.description === 'string' && s.description.trim().length >= 20, `${name}: description`);
        assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: unexpected keys`);
      }
    });

    it('uses unique prefixes that start with pm- (or are "postmortem")', () => {
      const all = Object.values(snippets).flatMap(prefixesOf);
      assert.equal(new Set(all).size, all.length, `duplicate prefixes: ${all.filter((p, i) => all.indexOf(p) !== i).join(', ')}`);
      for (const p of all) assert.match(p, /^(?:postmortem|pm-[a-z0-9]+(?:-[a-z0-9]+)*)$/, p);
    });

    it('offers every prefix the writing guide names', () => {
      const all = new Set(Object.values(snippets).flatMap(prefixesOf));
      for (const p of [
        'postmortem',
        'pm-full',
        'pm-short',
        'pm-frontmatter',
        'pm-timeline',
        'pm-timeline-row',
        'pm-actions',
        'pm-action',
        'pm-5whys',
        'pm-factor',
        'pm-went-well',
        'pm-went-poorly',
        'pm-lucky',
        'pm-ignore',
      ]) {
        assert.ok(all.has(p), `no snippet with prefix ${p}`);
      }
      assert.equal(byPrefix('postmortem'), byPrefix('pm-full'), 'postmortem and pm-full insert the same template');
    });

    it('lists every prefix in snippets/README.md, and the snippet names it quotes exist', () => {
      const readme = readFileSync(join(root, 'snippets', 'README.md'), 'utf8');
      const listed = new Set([...readme.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1])));
      assert.deepEqual(
        Object.values(snippets)
          .flatMap(prefixesOf)
          .filter((p) => !listed.has(p)),
        [],
        'prefixes missing from the README table',
      );
      assert.deepEqual(
        [...listed].filter((p) => !Object.values(snippets).some((s) => prefixesOf(s).includes(p))),
        [],
        'README lists prefixes that do not exist',
      );
      for (const m of readme.matchAll(/"name": "([^"]+)"/g)) assert.ok(m[1] in snippets, `README quotes a snippet name that does not exist: ${m[1]}`);
    });
  });

  describe('snippet syntax', () => {
    for (const [name, s] of Object.entries(snippets)) {
      it(`${name}: parses strictly, numbers tab stops 1..N, uses known variables`, () => {
        const nodes = parseSnippet(bodyOf(s));
        const stops = tabStops(nodes);
        const numbered = [...new Set(stops.map((t) => t.index).filter((i) => i > 0))].sort((a, b) => a - b);
        assert.deepEqual(
          numbered,
          numbered.map((_, i) => i + 1),
          `tab stops skip a number: ${numbered.join(', ')}`,
        );
        // Mirrors of a tab stop carry no default of their own, so the first one decides.
        const withDefault = stops.filter((t) => t.children || t.choices).map((t) => t.index);
        assert.equal(new Set(withDefault).size, withDefault.length, 'a tab stop has two defaults');
        for (const v of variables(nodes)) {
          assert.ok(KNOWN_VARIABLES.has(v), `unknown variable ${v}`);
          assert.ok(v in TEST_VARIABLES, `the tests have no value for ${v}`);
        }
        for (const t of stops) {
          if (t.choices) assert.equal(new Set(t.choices).size, t.choices.length, `duplicate choices at ${t.index}`);
        }
      });
    }

    it('the parser rejects what the editor would insert as junk', () => {
      assert.throws(() => parseSnippet('date: ${1:unclosed'));
      assert.throws(() => parseSnippet('${1|a,b}'));
      assert.throws(() => parseSnippet('${CURRENT_YEAR/(.*)/x/}'));
      assert.equal(expandSnippet('a ${1:b} $1 ${2|c,d|} \\$3 ${CURRENT_YEAR}'), 'a b b c $3 2026');
      assert.equal(expandSnippet('${1:b} $1', { values: { 1: 'typed' } }), 'typed typed');
    });
  });

  describe('the full template', () => {
    const text = expand('postmortem');
    const result = analyze(text, { today: '2026-03-20' });

    it('has the nine template sections, in order, under their canonical titles', () => {
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(
        headings,
        DEFAULT_TEMPLATE.map((k) => SECTION_INFO.get(k)!.title),
      );
      assert.deepEqual(
        result.model.sections.filter((s) => s.depth === 2).map((s) => s.kind),
        DEFAULT_TEMPLATE,
      );
    });

    it('gives each section a one-line prompt in an HTML comment', () => {
      const sections = result.model.sections.filter((s) => s.depth === 2);
      for (const s of sections) {
        const body = text.slice(s.body.start, s.body.end);
        assert.match(body, /^<!-- [^\n]{20,} -->$/m, `${s.title} has no prompt`);
      }
    });

    it('passes the structure and metadata checks as inserted', () => {
      assert.deepEqual(result.internalErrors, []);
      const structural = result.findings.filter((f) => STRUCTURE_RULES.includes(f.rule));
      assert.deepEqual(
        structural.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
    });

    it('fills the front matter: title, today as the date, severity, draft status, authors', () => {
      const f = result.model.metadata.fields;
      assert.equal(result.model.metadata.source, 'front-matter');
      assert.equal(f.title?.value, 'What failed, in a few words');
      assert.equal(f.date?.value, `${TEST_VARIABLES.CURRENT_YEAR}-${TEST_VARIABLES.CURRENT_MONTH}-${TEST_VARIABLES.CURRENT_DATE}`);
      assert.equal(f.severity?.value, 'SEV-1');
      assert.equal(f.status?.value, 'draft');
      assert.deepEqual(f.authors?.value, ['Author Name']);
      assert.equal(result.model.title?.text, 'What failed, in a few words');
      assert.equal(result.model.declaresPostmortem, true);
    });

    it('stays valid for every severity choice and for a title with a colon', () => {
      const severities = choicesOf('postmortem', 2);
      assert.deepEqual(severities, ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
      for (const sev of severities) {
        const r = analyze(expand('postmortem', { values: { 1: 'Checkout down: pool exhausted', 2: sev } }));
        assert.deepEqual(
          r.findings.filter((f) => STRUCTURE_RULES.includes(f.rule)).map((f) => f.message),
          [],
          sev,
        );
        assert.equal(r.model.metadata.fields.severity?.value, normalizeSeverity(sev));
        assert.equal(r.model.metadata.fields.title?.value, 'Checkout down: pool exhausted');
      }
    });

    it('states UTC for the timeline and yields entries once times are typed', () => {
      assert.equal(result.model.timelines[0]?.zone, 'UTC');
      const r = analyze(expand('postmortem', { values: { 7: '14:02', 8: 'Checkout error rate rose above 5%' } }));
      const entries = r.model.timelines.flatMap((t) => t.entries);
      assert.deepEqual(
        entries.map((e) => [e.time?.hour, e.time?.minute, e.text]),
        [[14, 2, 'Checkout error rate rose above 5%']],
      );
    });

    it('has an action-item table the core reads with every field', () => {
      assert.equal(result.model.actionItems.length, 1);
      const item = result.model.actionItems[0];
      assert.equal(item.form, 'table');
      assert.equal(item.text, 'What will change, and how we will know it is done');
      assert.deepEqual(fieldValues(item.fields), { type: 'prevent', priority: 'P1', owner: '@owner', due: 'YYYY-MM-DD', ticket: '[ticket]' });
    });
  });

  describe('the short template', () => {
    const result = analyze(expand('pm-short'), { today: '2026-03-20' });

    it('passes the structure and metadata checks as inserted', () => {
      assert.deepEqual(result.internalErrors, []);
      assert.deepEqual(
        result.findings.filter((f) => STRUCTURE_RULES.includes(f.rule)).map((f) => `${f.rule}: ${f.message}`),
        [],
      );
      assert.deepEqual(
        result.model.sections.filter((s) => s.depth === 2).map((s) => s.kind),
        DEFAULT_TEMPLATE,
      );
      assert.deepEqual(result.model.metadata.fields.authors?.value, ['Author Name']);
    });

    it('has a timeline in UTC and an action item the core reads with its fields', () => {
      const r = analyze(
        expand('pm-short', {
          values: { 7: '09:41', 8: 'Disk use alert on db-3', 13: 'Cap WAL retention at 20 GB', 14: '@ana', 15: '2026-04-01', 16: 'mitigate', 17: 'OPS-77' },
        }),
      );
      assert.equal(r.model.timelines[0]?.zone, 'UTC');
      assert.deepEqual(
        r.model.timelines[0]?.entries.map((e) => [e.time?.hour, e.time?.minute]),
        [[9, 41]],
      );
      assert.equal(r.model.actionItems.length, 1);
      const item = r.model.actionItems[0];
      assert.equal(item.text, 'Cap WAL retention at 20 GB');
      assert.equal(item.checked, false);
      assert.deepEqual(fieldValues(item.fields), { owner: '@ana', due: '2026-04-01', type: 'mitigate', ticket: 'OPS-77' });
    });
  });

  describe('front matter', () => {
    it('is read as valid metadata with every required field', () => {
      const r = analyze(`${expand('pm-frontmatter')}\n# Queue backlog\n`);
      assert.deepEqual(
        r.findings.filter((f) => f.rule.startsWith('metadata-')).map((f) => f.message),
        [],
      );
      const f = r.model.metadata.fields;
      assert.deepEqual([f.date?.value, f.severity?.value, f.status?.value, f.authors?.value], ['2026-03-15', 'SEV-1', 'draft', ['Author Name']]);
    });

    it('matches the full template’s front matter', () => {
      assert.ok(expand('postmortem').startsWith(expand('pm-frontmatter').replace(/\n$/, '')));
    });
  });

  describe('action items', () => {
    const doc = (table: string) => `# Cache stampede\n\n## Action items\n\n${table}\n`;

    it('the table snippet inside "## Action items" yields an item with every field', () => {
      const r = analyze(doc(expand('pm-actions')));
      assert.equal(r.model.actionItemTables.length, 1);
      assert.deepEqual(
        r.model.actionItemTables[0].columns.map((c) => c.field),
        ['action', 'type', 'priority', 'owner', 'due', 'ticket'],
      );
      assert.equal(r.model.actionItems.length, 1);
      assert.equal(r.model.actionItems[0].text, 'What will change, and how we will know it is done');
      assert.deepEqual(fieldValues(r.model.actionItems[0].fields), { type: 'prevent', priority: 'P1', owner: '@owner', due: 'YYYY-MM-DD', ticket: '[ticket]' });
    });

    it('typed values come back as the item’s fields, for every type choice', () => {
      const types = choicesOf('pm-actions', 2);
      assert.deepEqual(types, [...ACTION_TYPES]);
      for (const type of types) {
        const values = { 1: 'Alert when pool use exceeds 80% for 5 minutes', 2: type, 3: 'P2', 4: '@kim', 5: '2026-04-01', 6: 'OPS-481' };
        const r = analyze(doc(expand('pm-actions', { values })));
        assert.equal(r.model.actionItems[0].text, values[1]);
        assert.deepEqual(fieldValues(r.model.actionItems[0].fields), { type, priority: 'P2', owner: '@kim', due: '2026-04-01', ticket: 'OPS-481' });
      }
    });

    it('rows added with pm-action join the table as further items', () => {
      const table = expand('pm-actions').replace(/\n$/, '');
      const row = expand('pm-action', { values: { 1: 'Document the failover runbook', 2: 'document', 3: 'P3', 4: '@ana', 5: '2026-04-15', 6: 'DOC-9' } });
      const r = analyze(doc(`${table}\n${row}`));
      assert.equal(r.model.actionItemTables.length, 1);
      assert.equal(r.model.actionItems.length, 2);
      assert.deepEqual(fieldValues(r.model.actionItems[1].fields), { type: 'document', priority: 'P3', owner: '@ana', due: '2026-04-15', ticket: 'DOC-9' });
      assert.deepEqual(choicesOf('pm-action', 2), [...ACTION_TYPES]);
    });
  });

  describe('timeline', () => {
    it('the table states UTC and rows added with pm-timeline-row are entries in order', () => {
      const table = expand('pm-timeline', { values: { 1: '14:02', 2: 'Error rate on checkout rose to 12%', 3: 'alert' } }).replace(/\n$/, '');
      const row = expand('pm-timeline-row', { values: { 1: '14:09', 2: 'Incident declared in the incident channel', 3: 'chat' } });
      const r = analyze(`# Checkout errors\n\n## Timeline\n\n${table}\n${row}\n`);
      assert.equal(r.model.timelines.length, 1);
      assert.equal(r.model.timelines[0].zone, 'UTC');
      assert.deepEqual(
        r.model.timelines[0].entries.map((e) => [e.timeText, e.text, e.source]),
        [
          ['14:02', 'Error rate on checkout rose to 12%', 'alert'],
          ['14:09', 'Incident declared in the incident channel', 'chat'],
        ],
      );
    });
  });

  describe('analysis snippets', () => {
    it('the 5 Whys chain is read as one chain: problem, five why/because steps, root cause', () => {
      const values: Record<number, string> = { 1: 'Checkout returned 502s for 40 minutes', 12: 'Retries to the payment service had no budget' };
      for (let i = 1; i <= 5; i++) {
        values[2 * i] = `Why did step ${i} happen?`;
        values[2 * i + 1] = `condition number ${i} held`;
      }
      for (const heading of ['Root causes', 'Five whys']) {
        const r = analyze(`# Checkout outage\n\n## ${heading}\n\n${expand('pm-5whys', { values })}`);
        assert.equal(r.model.fiveWhys.length, 1, heading);
        const chain = r.model.fiveWhys[0];
        assert.equal(chain.problem?.text, values[1]);
        assert.deepEqual(
          chain.steps.map((s) => [s.why?.text, s.answer?.text]),
          [1, 2, 3, 4, 5].map((i) => [`Why did step ${i} happen?`, `condition number ${i} held`]),
        );
        assert.equal(chain.rootCause?.text, values[12]);
      }
    });

    it('a contributing factor is read as one statement with its category', () => {
      const r = analyze(
        `# Queue backlog\n\n## Contributing factors\n\n${expand('pm-factor', { values: { 1: 'Monitoring', 2: 'The queue-depth alert threshold was 10x normal load', 3: 'detection took 25 minutes' } })}\n`,
      );
      assert.equal(r.model.contributingFactors.length, 1);
      assert.equal(r.model.contributingFactors[0].text, 'Monitoring: The queue-depth alert threshold was 10x normal load — detection took 25 minutes');
      assert.ok(choicesOf('pm-factor', 1).length >= 4);
    });

    it('went-well, went-poorly and lucky items fill their sections', () => {
      const text = [
        '# Queue backlog',
        '',
        '## What went well',
        '',
        expand('pm-went-well'),
        '',
        '## What went poorly',
        '',
        expand('pm-went-poorly'),
        '',
        expand('pm-lucky'),
        '',
      ].join('\n');
      const r = analyze(text);
      const kinds = r.model.sections.map((s) => [s.kind, s.hasContent]);
      assert.deepEqual(kinds, [
        ['what-went-well', true],
        ['what-went-poorly', true],
        ['where-we-got-lucky', true],
      ]);
    });
  });

  describe('the suppression comment', () => {
    const ruleIds = choicesOf('pm-ignore', 1);

    it('offers every registered rule a comment can silence, each id once and in kebab case', () => {
      assert.equal(new Set(ruleIds).size, ruleIds.length);
      for (const id of ruleIds) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
      const silenceable = RULES.map((r) => r.id).filter((id) => !ACCOUNTABILITY_RULES.has(id));
      assert.deepEqual(
        silenceable.filter((id) => !ruleIds.includes(id)),
        [],
        'rules missing from pm-ignore',
      );
    });

    it('silences the chosen rule on the next line and carries the reason', () => {
      const flagged = 'The deploy was careless and the reviewer dropped the ball.';
      const base = `# Config push\n\n## What went poorly\n\n${flagged}\n`;
      const before = analyze(base).findings.filter((f) => f.rule === 'blame-language');
      assert.ok(before.length > 0, 'the sample line should be flagged without the comment');
      const comment = expand('pm-ignore', { values: { 1: 'blame-language', 2: 'quoted from the original chat log' } }).replace(/\n$/, '');
      assert.match(comment, /^<!-- postmortem-disable-next-line blame-language -- quoted from the original chat log -->$/);
      const r = analyze(`# Config push\n\n## What went poorly\n\n${comment}\n${flagged}\n`);
      assert.deepEqual(
        r.findings.filter((f) => f.rule === 'blame-language' || f.rule.startsWith('suppression-')).map((f) => f.rule),
        [],
      );
      const silenced = (r.suppressed ?? []).filter((f) => f.rule === 'blame-language');
      assert.equal(silenced.length, before.length);
      assert.equal(silenced[0].suppression.reason, 'quoted from the original chat log');
    });
  });
});
