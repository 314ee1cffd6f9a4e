/**
 * The rule pages (docs/rules/*.md) bundled into dist/server.js by esbuild's text loader, so hovers
 * explain findings without reading files at run time. Only the bundled server (main.ts) uses this;
 * run from TypeScript (tests), the require fails and hovers leave the explanation out.
 */
import { RULES } from '../../core';

let pages: Map<string, string> | undefined;

function load(): Map<string, string> {
  const map = new Map<string, string>();
  for (const rule of RULES) {
    try {
      // esbuild bundles every file matching this template (docs/rules/*.md) as text.
      const text: unknown = require(`../../docs/rules/${rule.id}.md`);
      const s = typeof text === 'string' ? text : (text as { default?: unknown })?.default;
      if (typeof s === 'string') map.set(rule.id, s);
    } catch {
      // No page for this rule in this build.
    }
  }
  return map;
}

/** The docs page of a rule, or undefined when the build has none. */
export function bundledRuleDoc(id: string): string | undefined {
  pages ??= load();
  return pages.get(id);
}
