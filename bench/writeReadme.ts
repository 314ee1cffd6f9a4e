/**
 * `npm run bench -- --write`: puts a run's figures into bench/README.md, between the markers
 * `<!-- bench:start -->` and `<!-- bench:end -->`, so the figures there come from a run, never from
 * a hand edit. The rest of the page (how each figure is measured) is written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_README = join(__dirname, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** `page` with the text between the markers replaced by `figures` (the markers are kept). */
export function withFigures(page: string, figures: string, date: string): string {
  const i = page.indexOf(START);
  const j = page.indexOf(END);
  if (i < 0 || j < i) throw new Error(`bench/README.md has no ${START} … ${END} block`);
  const block = [
    START,
    // The run's own lines (long table rows and the machine line) are kept as the bench printed them.
    '<!-- markdownlint-disable MD013 -->',
    '',
    `Written by \`npm run bench -- --write\` on ${date}. Compare ratios, which are measured side by side in one run, rather than absolute times.`,
    '',
    separateTables(figures.trim()),
    '',
    '<!-- markdownlint-enable MD013 -->',
    END,
  ].join('\n');
  return page.slice(0, i) + block + page.slice(j + END.length);
}

export function writeBenchReadme(figures: string, date: string, file = BENCH_README): void {
  writeFileSync(file, withFigures(readFileSync(file, 'utf8'), figures, date));
}

/**
 * A blank line after each table, where the bench prints a note on the next line: in Markdown that line
 * would otherwise be read as one more table row (one cell wide).
 */
export function separateTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, k) => {
    const prev = lines[k - 1];
    if (k > 0 && prev.startsWith('|') && line.trim() !== '' && !line.startsWith('|')) out.push('');
    out.push(line);
  });
  return out.join('\n');
}
