/**
 * Snippet text -> plain text, for fixes whose newText holds TextMate snippet syntax (`${1:owner}`)
 * but are applied as a plain WorkspaceEdit: placeholders become their default text, tab stops and
 * variables without a default disappear, choices keep their first option, `\$` `\}` `\\` unescape.
 */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  let i = 0;
  const n = snippet.length;

  // Parses from i up to an unescaped '}' (when nested) or the end; returns the plain text.
  function parse(nested: boolean): string {
    let s = '';
    while (i < n) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < n && '$}\\|,'.includes(snippet[i + 1])) {
        s += snippet[i + 1];
        i += 2;
      } else if (nested && c === '}') {
        return s;
      } else if (c === '$') {
        s += dollar();
      } else {
        s += c;
        i++;
      }
    }
    return s;
  }

  // At a '$': a tab stop, placeholder, choice or variable; anything else is a literal '$'.
  function dollar(): string {
    const rest = snippet.slice(i);
    let m = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      i += m[0].length;
      return '';
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)(\}|:|\|)/.exec(rest);
    if (!m) {
      i++;
      return '$';
    }
    const start = i;
    i += m[0].length;
    if (m[2] === '}') return '';
    if (m[2] === '|') {
      const close = snippet.indexOf('|}', i);
      if (close < 0) {
        i = start + 1;
        return '$';
      }
      const first = snippet
        .slice(i, close)
        .split(/(?<!\\),/)[0]
        .replace(/\\(.)/g, '$1');
      i = close + 2;
      return first;
    }
    const inner = parse(true);
    if (i < n && snippet[i] === '}') {
      i++;
      return inner;
    }
    // Unclosed: keep the text as written.
    return snippet.slice(start, i);
  }

  out = parse(false);
  return out;
}
