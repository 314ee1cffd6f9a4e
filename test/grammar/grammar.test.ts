/**
 * The Markdown injection grammar (syntaxes/postmortem.injection.tmLanguage.json), tokenised with the
 * engine VS Code uses (vscode-textmate + the oniguruma WebAssembly build). The host is a small Markdown
 * grammar written here with the same block structure and scope names as VS Code's own (paragraphs and
 * list items as begin/while rules, headings as captures re-tokenised with inline patterns, fenced code,
 * inline code, HTML comments, bold, front matter), so the injection is tried in the places it meets in
 * the editor. Each sample asserts the exact span that gets a scope, and that nearby text gets none.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ZONES } from '../../core/extract/timeline';

const root = join(__dirname, '..', '..');
const INJECTION_PATH = join(root, 'syntaxes', 'postmortem.injection.tmLanguage.json');
const injection = JSON.parse(readFileSync(INJECTION_PATH, 'utf8'));

/** A stand-in for VS Code's Markdown grammar: same scope names, same begin/while block structure. */
const HOST = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontMatter' }, { include: '#block' }],
  repository: {
    frontMatter: {
      begin: '\\A-{3}\\s*$',
      end: '(^|\\G)-{3}\\s*$',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [{ match: '^([\\w-]+)(:)', captures: { 1: { name: 'entity.name.tag.yaml' }, 2: { name: 'punctuation.separator.key-value.yaml' } } }],
    },
    block: {
      patterns: [{ include: '#heading' }, { include: '#fenced' }, { include: '#comment' }, { include: '#list' }, { include: '#paragraph' }],
    },
    heading: {
      match: '(?:^|\\G)[ ]{0,3}(#{1,6})\\s+(.*?)\\s*$',
      name: 'markup.heading.markdown',
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    fenced: {
      begin: '(^|\\G)(\\s*)(`{3,}|~{3,})\\s*([\\w-]*)\\s*$',
      end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
      name: 'markup.fenced_code.block.markdown',
    },
    comment: {
      begin: '(^|\\G)\\s*(<!--)',
      end: '(-->)',
      name: 'comment.block.html',
    },
    list: {
      begin: '(^|\\G)([ ]{0,3})([*+-]|[0-9]+\\.)([ \\t])',
      beginCaptures: { 3: { name: 'punctuation.definition.list.begin.markdown' } },
      name: 'markup.list.markdown',
      while: '((^|\\G)([ ]{2,4}|\\t))|(^[ \\t]*$)',
      patterns: [{ include: '#block' }],
    },
    paragraph: {
      begin: '(^|\\G)[ ]{0,3}(?=\\S)',
      while: '(^|\\G)[ ]{4,}(?=\\S)',
      name: 'meta.paragraph.markdown',
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [{ include: '#raw' }, { include: '#bold' }, { include: '#inlineComment' }, { include: '#linkRef' }],
    },
    raw: { match: '(`+)[^`]+\\1', name: 'markup.inline.raw.string.markdown' },
    bold: {
      begin: '(\\*\\*|__)(?=\\S)',
      end: '(?<=\\S)(\\1)',
      name: 'markup.bold.markdown',
      patterns: [{ include: '#raw' }],
    },
    inlineComment: { begin: '<!--', end: '-->', name: 'comment.block.html' },
    linkRef: { match: '\\[[^\\]]+\\]', name: 'string.other.link.title.markdown' },
  },
};

const grammars: Record<string, unknown> = { 'text.html.markdown': HOST, [injection.scopeName]: injection };

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const raw = grammars[scopeName];
        return raw ? vsctm.parseRawGrammar(JSON.stringify(raw), `${scopeName}.json`) : null;
      },
      getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : undefined),
    });
    const g = await registry.loadGrammar('text.html.markdown');
    if (!g) throw new Error('the host grammar did not load');
    return g;
  })();
  return grammarPromise;
}

interface Token {
  start: number;
  end: number;
  scopes: string[];
}

/** Tokenises a document; returns its lines and each line's tokens. */
async function tokenize(doc: string): Promise<{ lines: string[]; tokens: Token[][] }> {
  const grammar = await loadGrammar();
  const lines = doc.split('\n');
  let stack = vsctm.INITIAL;
  const tokens: Token[][] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    tokens.push(r.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.length), scopes: t.scopes })));
    stack = r.ruleStack;
  }
  return { lines, tokens };
}

/** Finds `needle` (its `nth` occurrence) on the line containing `lineHint` (or the only line). */
function locate(lines: string[], needle: string, lineHint?: string, nth = 0): { line: number; start: number; end: number } {
  const line = lineHint === undefined ? 0 : lines.findIndex((l) => l.includes(lineHint));
  assert.ok(line >= 0, `no line contains ${JSON.stringify(lineHint)}`);
  let start = -1;
  for (let i = 0; i <= nth; i++) start = lines[line].indexOf(needle, start + 1);
  assert.ok(start >= 0, `${JSON.stringify(needle)} is not on line ${JSON.stringify(lines[line])}`);
  return { line, start, end: start + needle.length };
}

function describeTokens(lines: string[], tokens: Token[][], line: number): string {
  return tokens[line].map((t) => `${JSON.stringify(lines[line].slice(t.start, t.end))} ${t.scopes.slice(1).join(' ') || '-'}`).join('\n  ');
}

/** Asserts that exactly `needle` (no more, no less) carries `scope`. */
async function expectScoped(doc: string, needle: string, scope: string, opts: { line?: string; nth?: number } = {}): Promise<void> {
  const { lines, tokens } = await tokenize(doc);
  const at = locate(lines, needle, opts.line, opts.nth);
  const has = (t: Token) => t.scopes.includes(scope);
  const inside = tokens[at.line].filter((t) => t.end > at.start && t.start < at.end);
  const where = `\n  ${describeTokens(lines, tokens, at.line)}`;
  assert.ok(inside.length > 0 && inside.every(has), `${JSON.stringify(needle)} should be ${scope}:${where}`);
  const before = tokens[at.line].find((t) => t.end === at.start);
  const after = tokens[at.line].find((t) => t.start === at.end);
  assert.ok(inside[0].start === at.start && (!before || !has(before)), `${scope} should start exactly at ${JSON.stringify(needle)}:${where}`);
  assert.ok(inside[inside.length - 1].end === at.end && (!after || !has(after)), `${scope} should end exactly after ${JSON.stringify(needle)}:${where}`);
}

/** Asserts that no part of `needle` carries any scope of the injection. */
async function expectPlain(doc: string, needle: string, opts: { line?: string; nth?: number } = {}): Promise<void> {
  const { lines, tokens } = await tokenize(doc);
  const at = locate(lines, needle, opts.line, opts.nth);
  const bad = tokens[at.line].filter((t) => t.end > at.start && t.start < at.end && t.scopes.some((s) => s.endsWith('.postmortem')));
  assert.deepEqual(
    bad.map((t) => lines[at.line].slice(t.start, t.end)),
    [],
    `${JSON.stringify(needle)} should have no postmortem scope:\n  ${describeTokens(lines, tokens, at.line)}`,
  );
}

const TIME = 'constant.numeric.time.postmortem';
const ZONE = 'constant.other.timezone.postmortem';
const DATE = 'constant.numeric.date.postmortem';
const SEV = 'keyword.other.severity.postmortem';
const PRIORITY = 'keyword.other.priority.postmortem';
const HANDLE = 'variable.other.handle.postmortem';
const TICKET = 'entity.name.tag.ticket.postmortem';
const WHY = 'keyword.control.why.postmortem';
const ACTION = 'support.type.action.postmortem';

describe('grammar: Markdown injection', () => {
  describe('its file and contribution', () => {
    it('is an injection into Markdown with its own scope name', () => {
      assert.equal(injection.scopeName, 'markdown.postmortem.injection');
      assert.match(injection.injectionSelector, /^L:text\.html\.markdown\b/);
    });

    it('is contributed in package.json with injectTo text.html.markdown, at a path that exists', () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const entries = (pkg.contributes?.grammars ?? []) as Array<{ scopeName: string; path: string; injectTo?: string[] }>;
      const entry = entries.find((e) => e.scopeName === injection.scopeName);
      assert.ok(entry, 'contributes.grammars has no entry for the injection');
      assert.deepEqual(entry.injectTo, ['text.html.markdown']);
      assert.ok(existsSync(join(root, entry.path)), `${entry.path} does not exist`);
      assert.equal(join(root, entry.path), INJECTION_PATH);
    });

    it('tokenises the host alone without any postmortem scope when the injection is absent from the text', async () => {
      await expectPlain(
        'The deploy finished and the team reviewed the dashboards together.',
        'The deploy finished and the team reviewed the dashboards together.',
      );
    });
  });

  describe('times and dates', () => {
    it('scopes a time in a timeline table row', async () => {
      await expectScoped('| 14:02 | Checkout began returning 502s | alert |', '14:02', TIME);
    });

    it('scopes a time with its zone, and the zone inside it', async () => {
      const doc = '- 14:02 UTC — the paging alert fired';
      await expectScoped(doc, '14:02 UTC', TIME);
      await expectScoped(doc, 'UTC', ZONE);
    });

    it('knows every time zone the timeline checks know', async () => {
      for (const zone of ZONES) {
        const doc = `- 14:02 ${zone} — the paging alert fired`;
        await expectScoped(doc, `14:02 ${zone}`, TIME);
        await expectScoped(doc, zone, ZONE);
      }
    });

    it('scopes seconds, offsets, Z and 12-hour times', async () => {
      await expectScoped('At 09:30:15+02:00 the queue drained.', '09:30:15+02:00', TIME);
      await expectScoped('The rollback finished at 2:15 pm.', '2:15 pm', TIME);
      await expectScoped('Traffic returned by 4pm.', '4pm', TIME);
    });

    it('scopes an ISO date and time written together', async () => {
      const doc = 'First error at 2026-03-15T14:02Z in the gateway logs.';
      await expectScoped(doc, '2026-03-15', DATE);
      await expectScoped(doc, '14:02Z', TIME);
      await expectScoped(doc, 'Z', ZONE);
      await expectScoped('| 2026-03-15 14:02 | Failover started | chat |', '2026-03-15', DATE);
      await expectScoped('| 2026-03-15 14:02 | Failover started | chat |', '14:02', TIME);
    });

    it('scopes ISO and written-out dates', async () => {
      await expectScoped('Due 2026-04-01.', '2026-04-01', DATE);
      await expectScoped('On March 15, 2026 the certificate expired.', 'March 15, 2026', DATE);
      await expectScoped('Reviewed on 15 Mar 2026 by the team.', '15 Mar 2026', DATE);
    });

    it('scopes dates inside headings and front matter', async () => {
      await expectScoped('## Timeline (2026-03-15, UTC)', '2026-03-15', DATE);
      await expectScoped('---\ndate: 2026-03-15\n---', '2026-03-15', DATE, { line: 'date:' });
    });

    it('leaves ratios, ports, versions and lower-case "may" plain', async () => {
      await expectPlain('The aspect ratio is 16:9 and the ratio of reads to writes 3:1.', '16:9');
      await expectPlain('Clients connected to 10.0.0.12:8080 directly.', '10.0.0.12:8080');
      await expectPlain('The health check may 5 times retry.', 'may 5');
      await expectPlain('Upgraded the driver to 2026.03.15-beta.', '2026.03.15');
    });
  });

  describe('severity, priority, handles and tickets', () => {
    it('scopes SEV levels in prose and in front matter', async () => {
      const doc = 'Declared SEV-2 at first, raised to Sev1 later.';
      await expectScoped(doc, 'SEV-2', SEV);
      await expectScoped(doc, 'Sev1', SEV);
      await expectScoped('---\nseverity: SEV-3\n---', 'SEV-3', SEV, { line: 'severity' });
    });

    it('scopes priorities P0 to P4 but not longer words', async () => {
      await expectScoped('| Add a canary stage | prevent | P1 | @kim | 2026-04-01 | OPS-12 |', 'P1', PRIORITY);
      await expectPlain('The P10 latency and the MP3 encoder.', 'P10');
    });

    it('scopes @handles and not e-mail addresses or package scopes', async () => {
      await expectScoped('Owner: @kim.lee, reviewer @ana_m.', '@kim.lee', HANDLE);
      await expectScoped('Owner: @kim.lee, reviewer @ana_m.', '@ana_m', HANDLE);
      await expectPlain('Write to oncall@example.com for access.', '@example.com');
      await expectPlain('The build pulls @types/node from the mirror.', '@types');
      await expectPlain('Pinned `replay-sdk`@1.2.2 and then moved to @2.0.1.', '@1.2.2');
      await expectPlain('Pinned `replay-sdk`@1.2.2 and then moved to @2.0.1.', '@2.0.1');
      await expectScoped('Paged @oncall-2 at once.', '@oncall-2', HANDLE);
    });

    it('scopes ticket keys and issue numbers', async () => {
      const doc = 'Tracked in OPS-1234 and #482.';
      await expectScoped(doc, 'OPS-1234', TICKET);
      await expectScoped(doc, '#482', TICKET);
    });

    it('leaves encoding and algorithm names plain', async () => {
      await expectPlain('Payloads are UTF-8 and signed with SHA-256.', 'UTF-8');
      await expectPlain('Payloads are UTF-8 and signed with SHA-256.', 'SHA-256');
    });
  });

  describe('5 Whys markers', () => {
    const chain = [
      '**Problem:** Checkout returned 502s for 40 minutes.',
      '',
      '- **Why 1:** Why did checkout fail?',
      '  - **Because** the payment pool was exhausted.',
      '- Why 2: Why was the pool exhausted?',
      '  Because the retry budget was unbounded.',
      '',
      '**Root cause:** Retries had no budget.',
    ].join('\n');

    it('scopes "Why N" markers in bold and plain list items', async () => {
      await expectScoped(chain, 'Why 1', WHY, { line: 'Why 1' });
      await expectScoped(chain, 'Why 2', WHY, { line: 'Why 2' });
    });

    it('scopes "Because" where it opens an answer', async () => {
      await expectScoped(chain, 'Because', WHY, { line: 'payment pool' });
      await expectScoped(chain, 'Because', WHY, { line: 'retry budget' });
    });

    it('scopes "Problem" and "Root cause" labels as chain markers', async () => {
      await expectScoped(chain, 'Problem', 'keyword.control.why.problem.postmortem', { line: 'Problem' });
      await expectScoped(chain, 'Root cause', 'keyword.control.why.root-cause.postmortem', { line: 'Root cause' });
    });

    it('leaves "because" and "why" inside sentences plain', async () => {
      await expectPlain('Writes failed because the disk was full, which is why the queue grew.', 'because');
      await expectPlain('Writes failed because the disk was full, which is why the queue grew.', 'why');
      await expectPlain('The root cause was found later.', 'root cause');
    });
  });

  describe('action-item types', () => {
    it('scopes [type] tags', async () => {
      await expectScoped('- [ ] [prevent] Add a canary stage (owner: @kim)', '[prevent]', ACTION);
      await expectScoped('- [Detection] Page on queue depth', '[Detection]', ACTION);
    });

    it('scopes a type alone in a table cell', async () => {
      await expectScoped('| Add a canary stage | mitigate | P2 | @kim | 2026-04-01 | OPS-12 |', 'mitigate', ACTION);
    });

    it('scopes labelled and dash-separated types', async () => {
      await expectScoped('- Alert on pool use (owner: @kim, type: detect, due: 2026-04-01)', 'detect', ACTION);
      await expectScoped('- Document the failover steps — @ana — 2026-04-10 — document', 'document', ACTION);
    });

    it('leaves type words in prose plain', async () => {
      await expectPlain('Rate limits prevent this, and the process is documented.', 'prevent');
      await expectPlain('Rate limits prevent this, and the process is documented.', 'process');
    });
  });

  describe('where it does not apply', () => {
    it('leaves inline code plain', async () => {
      await expectPlain('Run `deploy --at 14:02 --sev SEV-1` again.', '14:02');
      await expectPlain('Run `deploy --at 14:02 --sev SEV-1` again.', 'SEV-1');
    });

    it('leaves fenced code blocks plain', async () => {
      const doc = ['```log', '14:02:11 ERROR SEV-1 pool exhausted OPS-12 @kim', '```', '', 'After the block, 14:05 counts.'].join('\n');
      await expectPlain(doc, '14:02:11', { line: 'ERROR' });
      await expectPlain(doc, 'SEV-1', { line: 'ERROR' });
      await expectPlain(doc, '@kim', { line: 'ERROR' });
      await expectScoped(doc, '14:05', TIME, { line: 'After the block' });
    });

    it('leaves HTML comments plain', async () => {
      await expectPlain('<!-- postmortem-disable-next-line timeline-order -- 14:02 SEV-1 @kim quoted -->', '14:02');
      await expectPlain('Text <!-- SEV-1 at 14:02 --> more.', 'SEV-1');
    });
  });
});
