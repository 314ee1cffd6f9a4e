/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other viewers. One run; the driver lists
 * every rule (id, summary, help URI, default level); results carry ruleId, level, message and region
 * (columns in UTF-16 code units, as `columnKind` says), `suppressions` for findings silenced by a
 * comment, and `fixes` for findings with a preferred fix. Paths given relative stay relative to
 * %SRCROOT% (the folder the CLI ran in).
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { preferredFix, LineIndex, RULES, type Severity } from '../../core';
import type { CliDiagnostic, FileReport } from '../results';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  /** The folder relative paths are relative to. */
  cwd: string;
  version: string;
  /** Base of the rules' docs pages, ending in '/'. */
  docsBase: string;
}

function artifactUri(path: string): Sarif.ArtifactLocation {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  const uri = path
    .split(/[\\/]/)
    .filter((s) => s !== '.')
    .map(encodeURIComponent)
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function region(lines: LineIndex, start: number, end: number): Sarif.Region {
  const s = lines.position(start);
  const e = lines.position(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function formatSarif(files: FileReport[], opts: SarifOptions): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const rules: Sarif.ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    helpUri: opts.docsBase + encodeURIComponent(r.id) + '.md',
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { fixable: r.fixable, severity: r.defaultSeverity },
  }));

  const results: Sarif.Result[] = [];
  for (const f of files) {
    const lines = new LineIndex(f.text);
    const location = artifactUri(f.path);
    const result = (d: CliDiagnostic): Sarif.Result => {
      const r: Sarif.Result = {
        ruleId: d.rule,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
        properties: { severity: d.severity },
      };
      const idx = ruleIndex.get(d.rule);
      if (idx !== undefined) r.ruleIndex = idx;
      const fix = preferredFix(d.finding);
      if (fix) {
        r.fixes = [
          {
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: fix.edits.map((e) => ({ deletedRegion: region(lines, e.start, e.end), insertedContent: { text: e.newText } })),
              },
            ],
          },
        ];
      }
      return r;
    };
    for (const d of f.diagnostics) results.push(result(d));
    for (const d of f.suppressed) {
      results.push({ ...result(d), suppressions: [{ kind: 'inSource', status: 'accepted', justification: d.justification || undefined }] });
    }
  }

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            version: opts.version,
            semanticVersion: opts.version,
            informationUri: opts.docsBase.replace(/(\/blob\/[^/]+)?\/docs\/rules\/$/, ''),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd.endsWith('/') ? opts.cwd : opts.cwd + '/').href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
