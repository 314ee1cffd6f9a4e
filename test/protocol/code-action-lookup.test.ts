/**
 * Diagnostics no longer carry their fixes; a code action finds the finding again in the current
 * analysis by rule, message and range. A diagnostic that no longer matches gets no fix.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';

const TEXT = '---\ntype: postmortem\n---\n# Postmortem: cache outage\n\n## Summary\n\nThe on-call engineer failed to notice the alert.\n';

function setup() {
  const doc = TextDocument.create('file:///pm.md', 'markdown', 3, TEXT);
  const result = analyze(TEXT, { today: '2024-12-01' });
  const diagnostics = toDiagnostics(doc, result, 'https://docs.example.invalid/');
  const fixable = diagnostics.find((d, i) => result.findings[i].fixes?.length);
  assert.ok(fixable, 'the text has a fixable finding');
  return { doc, result, diagnostics, fixable };
}

describe('code actions look fixes up in the analysis', () => {
  it('diagnostics carry no data, and the action offers the finding’s own fixes', () => {
    const { doc, result, diagnostics, fixable } = setup();
    assert.ok(diagnostics.every((d) => d.data === undefined));
    const finding = result.findings[diagnostics.indexOf(fixable)];
    const actions = codeActions(doc, { textDocument: { uri: doc.uri }, range: fixable.range, context: { diagnostics: [fixable] } }, result);
    assert.deepEqual(
      actions.map((a) => a.title),
      finding.fixes!.map((f) => f.title),
    );
    const edit = actions[0].edit!.changes![doc.uri][0];
    assert.equal(doc.offsetAt(edit.range.start), finding.fixes![0].edits[0].start);
  });

  it('a diagnostic whose range or message no longer matches gets no fix', () => {
    const { doc, result, fixable } = setup();
    const moved = { ...fixable, range: { start: { ...fixable.range.start, character: fixable.range.start.character + 1 }, end: fixable.range.end } };
    const reworded = { ...fixable, message: fixable.message + ' (old wording)' };
    for (const d of [moved, reworded]) {
      assert.deepEqual(codeActions(doc, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } }, result), []);
    }
  });
});
