/**
 * The quick-fix "Disable <rule> in .postmortemrc.yaml": which file to edit (the nearest configuration
 * file that applies, or a new .postmortemrc.yaml) and its new text, keeping the file's comments and
 * layout (YAML is edited through its document model; JSON keeps two-space indentation).
 */
import { join, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { SeveritySetting } from '../core/types';
import { findConfigFiles } from './index';

/** The configuration file a "disable in config" edit goes to, and whether it exists yet. */
export function configFileForEdit(filePath: string, workspaceFolder?: string): { file: string; exists: boolean } {
  const found = findConfigFiles(filePath, workspaceFolder);
  if (found.length) return { file: found[0], exists: true };
  return { file: join(workspaceFolder ? resolve(workspaceFolder) : resolve(filePath, '..'), '.postmortemrc.yaml'), exists: false };
}

/**
 * The configuration text with `rules.<ruleId>` set to `severity`. `text` undefined means a new file.
 * Returns undefined when the text cannot be edited safely (it does not parse, or is not a map).
 */
export function setRuleInConfig(text: string | undefined, file: string, ruleId: string, severity: SeveritySetting = 'off'): string | undefined {
  const json = /\.json$/i.test(file);
  if (text === undefined || text.trim() === '') {
    return json ? JSON.stringify({ rules: { [ruleId]: severity } }, null, 2) + '\n' : `rules:\n  ${ruleId}: ${severity}\n`;
  }
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const obj = data as Record<string, unknown>;
    const rules = obj.rules && typeof obj.rules === 'object' && !Array.isArray(obj.rules) ? (obj.rules as Record<string, unknown>) : {};
    obj.rules = { ...rules, [ruleId]: severity };
    return JSON.stringify(obj, null, 2) + '\n';
  }
  const doc = parseDocument(text);
  if (doc.errors.length) return undefined;
  if (doc.contents !== null && !isMap(doc.contents)) return undefined;
  const rules = doc.get('rules', true);
  if (rules === undefined || rules === null || (isScalar(rules) && rules.value == null)) doc.set('rules', doc.createNode({ [ruleId]: severity }));
  else if (isMap(rules)) rules.set(ruleId, severity);
  else return undefined;
  return doc.toString();
}
