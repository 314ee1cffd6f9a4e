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
  return md
    .split('\n')
    .map((line) => (/^\s*(---+|\*\*\*+|___+)\s*$/.test(line) ? '' : line))
    .join('\n')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_m, text: string, url: string) => (text === url || !text ? url : `${text} (${url})`))
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\n{3,}/g, '\n\n');
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
