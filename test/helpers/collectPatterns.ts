/**
 * Every regular expression of server/src: the literals (read from the TypeScript syntax tree of each
 * source file) and the patterns built at run time with `new RegExp(...)` (word lists joined into
 * alternations), recorded by running `collectRuntimePatterns.ts` in a child process whose RegExp
 * constructor is wrapped before the sources are imported.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, SERVER_SIDE_DIRS } from './sourceDirs';
import ts from 'typescript';

export interface Pattern {
  source: string;
  flags: string;
  /** file:line for literals, "runtime file:line" (where it is built) for constructed patterns. */
  where: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export function literalPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of SERVER_SIDE_DIRS.flatMap((d) => tsFiles(join(ROOT, d)))) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = n.getText(src);
        const i = lit.lastIndexOf('/');
        const line = src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1;
        out.push({ source: lit.slice(1, i), flags: lit.slice(i + 1), where: `${relative(ROOT, file)}:${line}` });
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return out;
}

export function runtimePatterns(): Pattern[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'collectRuntimePatterns.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`collecting runtime patterns failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Pattern[];
}
