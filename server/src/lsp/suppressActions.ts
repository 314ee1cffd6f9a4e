/**
 * Code actions beyond a finding's own fixes (which ./codeActions.ts offers):
 *
 * - "Ignore <rule> on this line" (or "in this table" / "in this file", where a comment above the line
 *   would change the Markdown): a suppression comment from the core's `ignoreFindingFix`, its reason
 *   written as a placeholder to replace ("why this does not apply"). Not offered for the rules that
 *   report on suppression comments themselves: comments cannot silence them.
 * - "Disable <rule> in .postmortemrc.yaml": sets the rule to `off` in the nearest configuration file
 *   (config/edit.ts keeps its comments and layout), or creates `.postmortemrc.yaml` in the workspace
 *   folder — only when the client can create files in a WorkspaceEdit; otherwise that action is left out.
 * - "Fix all <rule> problems" (quick-fix, when two or more findings of that rule have a plain preferred
 *   fix): one pass of the core's `applyFixes` over that rule's findings.
 * - "Fix all postmortem problems" (`source.fixAll.postmortem`, only when asked for by `context.only`,
 *   e.g. `editor.codeActionsOnSave`): what `postmortem-lint --fix` does, `fixUntilStable`, re-analysing
 *   with the document's options between passes.
 *
 * Diagnostics are matched to the findings of the current analysis by rule and range, so an action is
 * never built from a stale diagnostic's positions.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configFileForEdit, setRuleInConfig } from '../../../config/edit';
import {
  analyze,
  LineIndex,
  applyFixes,
  fixUntilStable,
  preferredFix,
  ACCOUNTABILITY_RULES,
  ignoreFindingFix,
  type AnalysisResult,
  type AnalyzeOptions,
  type Finding,
  type TextEdit as CoreEdit,
} from '../../../core';
import { findingOf, kindWanted } from './codeActions';
import { lspEdits } from './convert';

/** Titles of the actions made here (not a finding's own fixes): tests tell the two apart by them. */
export const SUPPRESS_ACTION_TITLE =
  /^(?:Ignore (?:\S+|\d+ findings) (?:on this line|in this table|in this file)|Disable \S+ in \.postmortemrc\.(?:yaml|yml|json)|Fix all \S+ problems)$/;

/** The kind of the whole-document fix; `source.fixAll` requests (codeActionsOnSave) include it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;

export interface SuppressActionContext {
  /** The options the document was analysed with, `today` included (source.fixAll re-analyses with them). */
  options: AnalyzeOptions;
  /** The document's path, for documents on disk (configuration edits need one). */
  fsPath?: string;
  /** The workspace folder holding the document: where a new configuration file goes. */
  workspaceFolder?: string;
  /** The client takes `documentChanges` in a WorkspaceEdit. */
  documentChanges: boolean;
  /** The client can create files in a WorkspaceEdit (resourceOperations includes "create"). */
  createFiles: boolean;
  /** A client command run after a "Disable …" fix: it opens the file and says settings now come from it (args: uri, created). */
  configCommand?: string;
  /** A configuration file's text as the editor has it, when it is open. */
  openText(file: string): { uri: string; version: number; text: string } | undefined;
}

/** One edit replacing only what differs between `before` and `after` (a common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): CoreEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && /[\udc00-\udfff\n]/.test(before[start] ?? '') && /[\ud800-\udbff\r]/.test(before[start - 1])) start--;
  while (end > 0 && /[\ud800-\udbff\r]/.test(before[before.length - end - 1] ?? '') && /[\udc00-\udfff\n]/.test(before[before.length - end])) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

/** The edits of the fixes `applyFixes` accepted (identical edits offered twice are made once). */
function appliedEdits(text: string, findings: readonly Finding[]): CoreEdit[] {
  const pass = applyFixes(text, findings);
  const seen = new Set<string>();
  const out: CoreEdit[] = [];
  for (const f of pass.applied) {
    const edits = preferredFix(f)?.edits ?? [];
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(...edits);
  }
  return out;
}

function disableInConfig(rule: string, diagnostic: Diagnostic, ctx: SuppressActionContext): CodeAction | undefined {
  if (!ctx.fsPath) return undefined;
  const target = configFileForEdit(ctx.fsPath, ctx.workspaceFolder);
  const open = ctx.openText(target.file);
  const uri = open?.uri ?? pathToFileURL(target.file).href;
  const title = `Disable ${rule} in ${basename(target.file)}`;
  let edit: WorkspaceEdit;
  if (target.exists || open) {
    let text: string;
    try {
      text = open?.text ?? readFileSync(target.file, 'utf8');
    } catch {
      return undefined;
    }
    const next = setRuleInConfig(text, target.file, rule, 'off');
    if (next === undefined || next === text) return undefined;
    const lines = new LineIndex(text);
    const edits: TextEdit[] = [{ range: { start: { line: 0, character: 0 }, end: lines.position(text.length) }, newText: next }];
    edit = ctx.documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version: open?.version ?? null }, edits)] } : { changes: { [uri]: edits } };
  } else {
    if (!ctx.createFiles || !ctx.documentChanges) return undefined;
    const next = setRuleInConfig(undefined, target.file, rule, 'off');
    if (next === undefined) return undefined;
    edit = {
      documentChanges: [
        CreateFile.create(uri, { ignoreIfExists: true }),
        TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: next }]),
      ],
    };
  }
  const created = !(target.exists || open);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit,
    ...(ctx.configCommand ? { command: { title: 'Open the configuration file', command: ctx.configCommand, arguments: [uri, created] } } : {}),
  };
}

/** The actions for a code action request, besides each finding's own fixes. */
export function suppressActions(doc: TextDocument, params: CodeActionParams, result: AnalysisResult | undefined, ctx: SuppressActionContext): CodeAction[] {
  if (!result || result.skipped) return [];
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const text = doc.getText();

  if (kindWanted(CodeActionKind.QuickFix, only)) {
    const lines = new LineIndex(text);
    const fixAllDone = new Set<string>();
    // One "Ignore" and one "Disable" entry per request, however many findings stand at the cursor:
    // stacked pairs per rule made the menu too long to read.
    const ignored: Array<{ finding: Finding; diagnostic: Diagnostic }> = [];
    let disable: { rule: string; diagnostic: Diagnostic } | undefined;
    for (const diagnostic of params.context.diagnostics) {
      // Found as the quick-fixes find theirs: without an exact echo, never for a stale diagnostic.
      const finding = findingOf(doc, diagnostic, result.findings, true);
      if (!finding) continue;
      const rule = finding.rule;

      if (!fixAllDone.has(rule)) {
        fixAllDone.add(rule);
        const fixable = result.findings.filter((f) => f.rule === rule && preferredFix(f));
        if (fixable.length >= 2) {
          const edits = appliedEdits(text, fixable);
          if (edits.length) {
            actions.push({
              title: `Fix all ${rule} problems`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: { changes: { [doc.uri]: lspEdits(doc, edits) } },
            });
          }
        }
      }
      if (!ACCOUNTABILITY_RULES.has(rule)) ignored.push({ finding, diagnostic });
      disable ??= { rule, diagnostic };
    }

    if (ignored.length) {
      // The findings on the first one's line share one comment naming each rule once.
      const first = ignored[0].finding;
      const line = lines.lineOf(first.start);
      const same = ignored.filter((x) => lines.lineOf(x.finding.start) === line);
      const rules = [...new Set(same.flatMap((x) => x.finding.merged ?? [x.finding.rule]))];
      const fix = ignoreFindingFix(text, lines, { rule: rules.join(' '), start: first.start }, undefined, result.model.metadata.frontMatter);
      const title = rules.length > 1 ? fix.title.replace(rules.join(' '), `${rules.length} findings`) : fix.title;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: same.map((x) => x.diagnostic),
        edit: { changes: { [doc.uri]: lspEdits(doc, fix.edits, !!fix.snippet) } },
      });
    }
    if (disable) {
      const action = disableInConfig(disable.rule, disable.diagnostic, ctx);
      if (action) actions.push(action);
    }
  }

  // Only when asked for: it re-analyses the document once per pass.
  if (only?.length && kindWanted(FIX_ALL_KIND, only)) {
    const fixed = fixUntilStable(text, (t) => analyze(t, ctx.options).findings);
    if (fixed.output !== text) {
      actions.push({
        title: 'Fix all postmortem problems',
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: lspEdits(doc, [minimalEdit(text, fixed.output)]) } },
      });
    }
  }
  return actions;
}
