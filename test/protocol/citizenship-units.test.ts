/**
 * Units of the server's citizenship with other clients: column units (./lsp/encodings.ts) against
 * Node's own counts for any text, plain-text hovers (./lsp/markup.ts), and where settings come from
 * (./lsp/settingsSources.ts).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { columnIn } from '../../server/src/lsp/encodings';
import { hoverFormat, markdownToPlainText } from '../../server/src/lsp/markup';
import { postmortemSection, SettingsSources } from '../../server/src/lsp/settingsSources';

describe('column units, hover formats and settings sources', () => {
  it('counts a UTF-16 column in UTF-8 bytes and code points as Node does, for any line', () => {
    const char = fc.oneof(fc.constantFrom('a', ' ', 'é', '’', '🚨', '中', 'Ω', '\t'), fc.string({ unit: 'grapheme', maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), fc.nat(), (chars, k) => {
        const line = chars.join('').replace(/[\r\n]/g, '');
        // A position between whole code points, as the server's own ranges always are.
        const cuts = [0];
        for (const cp of line) cuts.push(cuts[cuts.length - 1] + cp.length);
        const at = cuts[k % cuts.length];
        const doc = TextDocument.create('file:///x.md', 'markdown', 1, `first line\n${line}\nlast`);
        const pos = { line: 1, character: at };
        assert.equal(columnIn(doc, pos, 'utf-8'), Buffer.byteLength(line.slice(0, at), 'utf8'));
        assert.equal(columnIn(doc, pos, 'utf-32'), [...line.slice(0, at)].length);
        assert.equal(columnIn(doc, pos, 'utf-16'), at);
      }),
    );
  });

  it('answers hovers in the first format the client lists that it knows', () => {
    assert.equal(hoverFormat(undefined), 'markdown');
    assert.equal(hoverFormat(['plaintext']), 'plaintext');
    assert.equal(hoverFormat(['plaintext', 'markdown']), 'plaintext');
    assert.equal(hoverFormat(['markdown', 'plaintext']), 'markdown');
  });

  it('turns the hovers’ Markdown into plain text', () => {
    const md = '**blame-language** · [rule documentation](https://example.org/r.md)\n\nWrite `the deploy` \\*not\\* a name.\n\n---\n\n**09:20** — 8 min after';
    const plain = markdownToPlainText(md);
    assert.equal(plain, 'blame-language · rule documentation (https://example.org/r.md)\n\nWrite the deploy *not* a name.\n\n09:20 — 8 min after');
  });

  it('takes settings from a pull, else pushed, else initializationOptions, else defaults', async () => {
    const s = new SettingsSources((raw) => ({ raw }));
    assert.deepEqual(s.fallback(), { raw: undefined });
    s.setInitializationOptions({ today: '2026-01-01', postmortem: { files: ['a/**'] } });
    assert.deepEqual(s.fallback(), { raw: { files: ['a/**'] } });
    s.setPushed({ postmortem: { files: ['b/**'] } });
    assert.deepEqual(s.fallback(), { raw: { files: ['b/**'] } });
    s.setPushed(null); // a pulling client's notification keeps what was pushed
    assert.deepEqual(s.fallback(), { raw: { files: ['b/**'] } });
    assert.deepEqual(postmortemSection({ settings: { postmortem: { x: 1 } } }), { x: 1 });
    const hooks = { onTimeout: () => undefined, onLate: () => undefined, onError: () => undefined };
    assert.deepEqual(await s.pull(async () => ({ files: ['c/**'] }), 1000, hooks), { raw: { files: ['c/**'] } });
    assert.deepEqual(await s.pull(async () => null, 1000, hooks), { raw: { files: ['b/**'] } }, 'null: the client does not know the section');
    let late: unknown;
    let timedOut = false;
    let answer!: (v: unknown) => void;
    const pulled = await s.pull(() => new Promise((r) => (answer = r)), 20, { ...hooks, onTimeout: () => (timedOut = true), onLate: (v) => (late = v) });
    assert.ok(timedOut);
    assert.deepEqual(pulled, { raw: { files: ['b/**'] } });
    answer({ files: ['d/**'] });
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(late, { raw: { files: ['d/**'] } });
  });
});
