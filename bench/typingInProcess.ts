/**
 * In-process cost of a keystroke in a 400-row timeline table, without the server: the same document
 * and edit point as `npm run bench -- --only typing-table`, analysed with one ParseCache as the
 * server does, per keystroke; and the parse alone. A quick check when changing the table blocks
 * (core/engine/parse.ts); not part of `npm run bench` and asserted by nothing.
 *
 *   npx tsx bench/typingInProcess.ts [rows] [keystrokes]
 */
import { loadavg } from 'node:os';
import { analyze, ParseCache } from '../core/index';
import { parseBlocks } from '../core/engine/parse';
import { bigTable } from './corpus';

const rows = Number(process.argv[2] ?? 400);
const keystrokes = Number(process.argv[3] ?? 110);
const doc = bigTable(rows);
const lines = doc.split('\n');
const rowLine = lines.findIndex((l) => l.startsWith('| ')) + 2 + Math.floor(rows / 2);
const lineStart = lines.slice(0, rowLine).join('\n').length + 1;
const at0 = lineStart + lines[rowLine].indexOf(' |', lines[rowLine].indexOf(' | ') + 3);
const word = ' then paged';
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

function typing(step: (text: string) => void): number[] {
  let text = doc;
  let at = at0;
  step(text);
  const ms: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    text = text.slice(0, at) + word[i % word.length] + text.slice(at);
    at++;
    const t0 = performance.now();
    step(text);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const cache = new ParseCache();
const whole = typing((text) => analyze(text, {}, cache));
const parseCache = new ParseCache();
const parse = typing((text) => parseBlocks(text, parseCache));
const load = loadavg()[0].toFixed(2);
console.log(
  JSON.stringify({
    rows,
    keystrokes,
    analyzeMedianMs: +median(whole).toFixed(1),
    analyzeMaxMs: +Math.max(...whole).toFixed(1),
    parseMedianMs: +median(parse).toFixed(1),
    blocks: parseBlocks(doc, new ParseCache()).blocks.length,
    load,
  }),
);
