/**
 * Hovers in the client's content format. Hovers are written in Markdown; a client whose
 * `textDocument.hover.contentFormat` prefers `plaintext` (or does not list `markdown`) gets the same
 * text with the Markdown syntax taken out: links as "text (url)", no emphasis markers or backticks,
 * escapes undone, rules as blank lines.
 */
import { MarkupKind, type Hover, type MarkupKind as Kind } from 'vscode-languageserver';

/** The format to answer in, from the client's preference list (none: Markdown, as before 3.0 clients expect). */
export function hoverFormat(contentFormat: readonly Kind[] | undefined): Kind {
  return contentFormat?.find((k) => k === MarkupKind.Markdown || k === MarkupKind.PlainText) ?? MarkupKind.Markdown;
}

/** Markdown as plain text (the constructs hovers use). */
export function markdownToPlainText(md: string): string {
  const noRules = md
    .split('\n')
    .map((line) => (/^\s*(---+|\*\*\*+|___+)\s*$/.test(line) ? '' : line))
    .join('\n');
  return replaceLinks(noRules, (text, url) => (text === url || !text ? url : `${text} (${url})`))
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\n{3,}/g, '\n\n');
}

/**
 * `s` with each link `[text](url)` replaced by `by(text, url)`: what
 * `s.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, …)` gives, in linear time. (That pattern read from every
 * "[" of a run with no "]" to the end, and from every "](" of a run with no ")": quadratic.) Every "["
 * before a link's "]" ends its text at that "]" too, so when one fails they all do; likewise a url
 * that runs into a space or the end fails from every later start inside it.
 */
function replaceLinks(s: string, by: (text: string, url: string) => string): string {
  let out = '';
  let from = 0;
  let urlDeadUntil = -1;
  for (let i = s.indexOf('['); i >= 0;) {
    const j = s.indexOf(']', i + 1);
    if (j < 0) break;
    const u = j + 2;
    if (s[j + 1] === '(' && u > urlDeadUntil) {
      let e = u;
      while (e < s.length && s[e] !== ')' && !/\s/.test(s[e])) e++;
      if (e > u && s[e] === ')') {
        out += s.slice(from, i) + by(s.slice(i + 1, j), s.slice(u, e));
        from = e + 1;
        i = s.indexOf('[', from);
        continue;
      }
      urlDeadUntil = e;
    }
    i = s.indexOf('[', j + 1);
  }
  return from === 0 ? s : out + s.slice(from);
}

/** A hover in `format` (Markdown hovers converted for plain-text clients). */
export function inFormat(hover: Hover | null, format: Kind): Hover | null {
  if (!hover || format === MarkupKind.Markdown) return hover;
  const c = hover.contents;
  if (typeof c === 'object' && c !== null && 'kind' in c && c.kind === MarkupKind.Markdown) {
    return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(c.value) } };
  }
  return hover;
}
