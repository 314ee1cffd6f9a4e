/**
 * The tools we are measured against, each called the way its own docs show, on the same strings:
 * - alex (retext-equality and retext-profanities over remark): inconsiderate wording in Markdown;
 * - markdownlint: every default Markdown style rule;
 * - write-good: passive voice, weasel words, clichés in plain text.
 * And the bare parse every analysis starts from: unified + remark-parse + remark-frontmatter +
 * remark-gfm over the whole document, with no splitting and no cache.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const bare = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** The bare remark parse of a whole document (the denominator of analyzeVsParse). */
export function bareParse(text: string): unknown {
  return bare.parse(text);
}

export interface Peers {
  alex(text: string): unknown;
  markdownlint(text: string): unknown;
  writeGood(text: string): unknown;
}

export async function loadPeers(): Promise<Peers> {
  const alex = (await import('alex')) as { markdown(text: string): unknown };
  const mdl = (await import('markdownlint/sync')) as { lint(o: { strings: Record<string, string> }): unknown };
  // write-good is CommonJS without types: module.exports is the function.
  const wgMod = (await import('write-good' as string)) as { default?: (t: string) => unknown } | ((t: string) => unknown);
  const wg = typeof wgMod === 'function' ? wgMod : wgMod.default!;
  return {
    alex: (text) => alex.markdown(text),
    markdownlint: (text) => mdl.lint({ strings: { doc: text } }),
    writeGood: (text) => wg(text),
  };
}
