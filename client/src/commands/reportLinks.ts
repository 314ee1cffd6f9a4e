/**
 * The report's links in the Markdown preview. The preview (markdown-it) refuses `file:` link targets
 * and shows such links as raw text, so the report is written as a file and links to postmortems by
 * absolute path, which the preview resolves against the report's own `file:` URI and opens in an
 * editor (at the line of a `#L12` fragment). No vscode import.
 */

/** Rewrites `[name](<file:///…>)` links to `[name](</…>)`, keeping a `#L…` fragment. */
export function previewLinks(markdown: string): string {
  return markdown.replace(/\]\(<file:\/\/([^>]*)>\)/g, (_, rest: string) => {
    const hash = rest.indexOf('#');
    const path = hash >= 0 ? rest.slice(0, hash) : rest;
    const fragment = hash >= 0 ? rest.slice(hash) : '';
    // "file://host/share" keeps its host as the first path segment; "file:///c%3A/x" decodes to "/c:/x".
    const decoded = decodeURIComponent(path.startsWith('/') ? path : `//${path}`);
    return `](<${decoded.replace(/[<>]/g, encodeURIComponent)}${fragment}>)`;
  });
}
