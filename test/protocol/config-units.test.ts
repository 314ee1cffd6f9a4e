/** Small pieces of the server's configuration support, tested directly. */
import assert from 'node:assert/strict';
import { isConfigUri } from '../../server/src/lsp/documentConfig';
import { minimalEdit } from '../../server/src/lsp/suppressActions';

describe('isConfigUri', () => {
  it('recognises the three configuration file names, and nothing else', () => {
    for (const name of ['.postmortemrc.yaml', '.postmortemrc.yml', '.postmortemrc.json']) {
      assert.equal(isConfigUri(`file:///work/team/${name}`), true, name);
    }
    assert.equal(isConfigUri('file:///work/team/%2Epostmortemrc.yaml'), true, 'percent-encoded');
    assert.equal(isConfigUri('file:///work/.postmortemrc.yaml/notes.md'), false, 'a file inside a folder of that name');
    assert.equal(isConfigUri('file:///work/postmortemrc.yaml'), false);
    assert.equal(isConfigUri('file:///work/.postmortemrc.yaml.bak'), false);
    assert.equal(isConfigUri('file:///work/notes.md?x=/.postmortemrc.yaml'), false, 'a query is no file name');
    assert.equal(isConfigUri('file:///work/%E0%A4%A.md'), false, 'bad percent-encoding');
  });
});

describe('minimalEdit', () => {
  const apply = (before: string, e: { start: number; end: number; newText: string }) => before.slice(0, e.start) + e.newText + before.slice(e.end);

  it('replaces only what differs, and applying it gives the new text', () => {
    const cases: Array<[string, string]> = [
      ['The on-call engineer failed to page.', 'The on-call engineer did not page.'],
      ['abc', 'abc'],
      ['', 'new'],
      ['old', ''],
      ['line one\r\nline two\r\n', 'line one\r\nline 2\r\n'],
      ['a\r\nb', 'a\nb'],
      ['x😀y', 'x😃y'],
      ['aaaa', 'aaaaaa'],
    ];
    for (const [before, after] of cases) {
      const e = minimalEdit(before, after);
      assert.equal(apply(before, e), after, JSON.stringify([before, after]));
    }
    const e = minimalEdit('The on-call engineer failed to page.', 'The on-call engineer did not page.');
    assert.deepEqual(e, { start: 21, end: 30, newText: 'did not' });
  });

  it('never splits a surrogate pair or a CRLF', () => {
    const emoji = minimalEdit('x😀y', 'x😃y');
    assert.equal(emoji.start, 1);
    assert.equal(emoji.end, 3);
    const crlf = minimalEdit('a\r\nb', 'a\r\r\nb');
    assert.ok(!(crlf.start > 0 && 'a\r\nb'[crlf.start - 1] === '\r' && 'a\r\nb'[crlf.start] === '\n'));
    assert.equal(apply('a\r\nb', crlf), 'a\r\r\nb');
  });
});
