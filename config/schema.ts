/**
 * The configuration file (`.postmortemrc.yaml`, `.postmortemrc.yml` or `.postmortemrc.json`): ONE zod
 * schema that types the code, turns bad input into problems placed at the offending key, and generates
 * the JSON Schema editors validate the file with (scripts/config-schema.ts -> schemas/).
 *
 * Pure, like the rest of the core: text in, config and problems out. Finding the files on disk and
 * resolving `ignore` globs against their folders is the caller's job (config/).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { DEFAULT_TEMPLATE, SECTIONS, RULES, lastLineStart, type AnalyzeOptions, type SectionKind, type Span } from '../core';

export const CONFIG_FILE_NAMES = ['.postmortemrc.yaml', '.postmortemrc.yml', '.postmortemrc.json'] as const;

const severitySetting = z.enum(['off', 'hint', 'info', 'warning', 'error']);
const ruleSetting = z.union([severitySetting, z.tuple([severitySetting, z.record(z.string(), z.unknown())])]);

const SECTION_KINDS = SECTIONS.map((s) => s.kind) as [SectionKind, ...SectionKind[]];
const sectionKind = z.enum(SECTION_KINDS);

/** A literal phrase: matched as written (case-insensitively, on word boundaries), never as a pattern. */
const phrase = z.string().trim().min(1).max(120).describe('A literal phrase; never a regular expression.');
const phraseChanges = z
  .strictObject({
    add: z.array(phrase).max(500).optional().describe('Phrases to flag in addition to the built-in list.'),
    remove: z.array(phrase).max(500).optional().describe('Built-in phrases not to flag.'),
  })
  .describe('Literal phrases added to or removed from a built-in list.');

const windowDays = z.union([z.int().min(1).max(3650), z.literal('quarter')]);

const person = z.union([z.string().trim().min(1), z.strictObject({ name: z.string().trim().min(1), role: z.string().trim().min(1).optional() })]);

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file (for editors).'),
    root: z.boolean().optional().describe('Stop looking for configuration files in the folders above this one.'),
    rules: z
      .partialRecord(z.enum(RULES.map((r) => r.id) as [string, ...string[]]), ruleSetting)
      .optional()
      .describe('Severity of each rule (off, hint, info, warning, error), or [severity, { options }].'),
    template: z
      .union([
        z.array(sectionKind).describe('The required sections, in order.'),
        z.strictObject({
          sections: z.array(sectionKind).optional().describe('The required sections, in order.'),
          aliases: z
            .partialRecord(sectionKind, z.array(z.string().trim().min(1)))
            .optional()
            .describe('Extra headings that name a section, by section kind.'),
        }),
      ])
      .optional()
      .describe(`The postmortem template. Default: ${DEFAULT_TEMPLATE.join(', ')}.`),
    people: z
      .strictObject({
        notPeople: z.array(z.string().trim().min(1)).optional().describe('Names of services and tools that look like names of people ("Jenkins", "Hermes").'),
        roster: z.array(person).optional().describe('Team members: a name, or { name, role }.'),
      })
      .optional(),
    phrases: z
      .strictObject({
        blame: phraseChanges.optional(),
        vague: phraseChanges.optional(),
      })
      .optional()
      .describe('Changes to the blame and vague-wording phrase lists: literal phrases only.'),
    actionItems: z
      .strictObject({
        windows: z
          .strictObject({ 'SEV-1': windowDays.optional(), 'SEV-2': windowDays.optional(), 'SEV-3': windowDays.optional(), 'SEV-4': windowDays.optional() })
          .optional()
          .describe("Days after the incident by which action items should be due, per severity, or 'quarter' (the end of the incident's quarter)."),
      })
      .optional(),
    ignore: z.array(z.string().min(1)).optional().describe('Globs of files not to lint, relative to the folder of this file.'),
    status: z
      .strictObject({
        draftWarningsAsHints: z
          .boolean()
          .optional()
          .describe(
            'While the status is draft, show what is not written yet (sections, metadata, ticket, type, due) as hints; blame findings keep their severity. Default: true.',
          ),
        finalWarningsAsErrors: z
          .boolean()
          .optional()
          .describe('Once the status is final, report warnings as errors (the blame family keeps its severity). Default: true.'),
      })
      .optional()
      .describe("Severity shaping by the postmortem's status."),
  })
  .describe('Configuration of postmortem-lint and the Postmortem Writer extension.');

export type Config = z.infer<typeof ConfigSchema>;

/** The JSON Schema of the configuration file, generated from ConfigSchema. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://raw.githubusercontent.com/postmortem-writer/postmortem-writer/main/schemas/postmortemrc.schema.json',
    title: '.postmortemrc',
  };
}

/**
 * The configuration keys that are also VS Code settings (`postmortem.<key>`), applied where no
 * configuration file exists. package.json's contributes.configuration holds their JSON Schemas
 * (scripts/config-schema.ts writes them; a test keeps them in sync).
 */
export const SETTINGS_KEYS = ['rules', 'template', 'people', 'phrases', 'actionItems', 'status'] as const;
export type SettingsKey = (typeof SETTINGS_KEYS)[number];

/** The JSON Schema of one configuration key, for its `postmortem.<key>` setting. */
export function settingJsonSchema(key: SettingsKey): Record<string, unknown> {
  const field = ConfigSchema.shape[key].unwrap();
  const { $schema: _drop, ...schema } = z.toJSONSchema(field, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return schema;
}

/** A configuration from the `postmortem.*` settings (undefined values are left out). Never throws. */
export function configFromSettings(settings: Partial<Record<SettingsKey, unknown>>): ParsedConfig {
  const data: Record<string, unknown> = {};
  for (const k of SETTINGS_KEYS) {
    const v = settings[k];
    if (v !== undefined && v !== null && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) data[k] = v;
  }
  return checkConfigData(data);
}

/** A problem in a configuration file, placed on the offending key (unknown keys) or value. */
export interface ConfigTextProblem {
  message: string;
  span: Span;
  /** The key path, e.g. ['rules', 'blame-langauge']. */
  path: Array<string | number>;
}

export interface ParsedConfig {
  /** The valid part of the file: offending entries are left out, so the rest still applies. */
  config: Config;
  problems: ConfigTextProblem[];
}

function nodeSpan(node: unknown, fallback: Span): Span {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}

/** The key node (for `key: true`) or value node at `path` in a YAML document. */
function locate(doc: Document, path: Array<string | number>, key: boolean, fallback: Span): Span {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const seg of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return nodeSpan(node, fallback);
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) return nodeSpan(node, fallback);
      node = item;
    } else {
      return nodeSpan(node, fallback);
    }
  }
  return nodeSpan(key && keyNode ? keyNode : node, fallback);
}

/** Paths of every own `__proto__` key in parsed data (iterative walk). */
function protoKeys(data: unknown): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) out.push([...path, '__proto__']);
    for (const [k, v] of Object.entries(value)) if (k !== '__proto__') stack.push({ value: v, path: [...path, Array.isArray(value) ? Number(k) : k] });
  }
  return out.sort((a, b) => a.length - b.length);
}

function deleteAt(data: unknown, path: Array<string | number>): boolean {
  if (!path.length) return false;
  let obj = data as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) {
    const next = obj?.[seg];
    if (next === null || typeof next !== 'object') return false;
    obj = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (obj === null || typeof obj !== 'object' || !(last in obj)) return false;
  if (Array.isArray(obj) && typeof last === 'number') obj.splice(last, 1);
  else delete obj[last];
  return true;
}

function issueMessage(issue: z.core.$ZodIssue, key?: string): string {
  const where = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && key !== undefined) {
    if (where.length === 1 && where[0] === 'rules') return `"${key}" is not a rule id; see postmortem-lint --list-rules`;
    const place = where.length ? `in "${where.join('.')}"` : 'at the top level';
    return `unknown key "${key}" ${place}`;
  }
  const at = where.join('.');
  if (where[0] === 'rules' && where.length >= 2) {
    return `rules.${where[1]}: expected off, hint, info, warning or error, or [severity, { options }]`;
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message) && where.length) {
    return `${where.slice(0, -1).join('.') || 'the file'}: "${where[where.length - 1]}" is missing`;
  }
  if (where[0] === 'template' && issue.code === 'invalid_union') {
    return `template: expected a list of section kinds (${SECTION_KINDS.join(', ')}) or { sections, aliases }`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${at || 'value'}: expected one of ${(issue.values as unknown[]).map(String).join(', ')}`;
  }
  return at ? `${at}: ${issue.message}` : issue.message;
}

/**
 * Parses and checks a configuration file's text. Never throws: a syntax error or a bad entry becomes
 * a problem, and the entries that are valid are kept.
 */
export function parseConfigText(text: string, format: 'yaml' | 'json'): ParsedConfig {
  const whole: Span = { start: 0, end: Math.min(text.length, Math.max(1, text.search(/\r?\n|$/))) };
  const problems: ConfigTextProblem[] = [];
  if (format === 'json' && text.trim()) {
    try {
      JSON.parse(text);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      const at = /position (\d+)/.exec(msg);
      const start = at ? Math.min(+at[1], Math.max(0, text.length - 1)) : 0;
      // What msg.replace(/ in JSON at position \d+.*$/, '') gives: `.*$` reaches the end only from the last line.
      const last = lastLineStart(msg);
      const cut = / in JSON at position \d/.exec(msg.slice(last));
      const bare = cut ? msg.slice(0, last + cut.index) : msg;
      return { config: {}, problems: [{ message: `not valid JSON: ${bare.split('\n')[0]}`, span: { start, end: start + 1 }, path: [] }] };
    }
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const what = format === 'json' ? 'JSON' : 'YAML';
    return {
      config: {},
      problems: [{ message: `not valid ${what}: ${e.message.split('\n')[0]}`, span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }, path: [] }],
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 });
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { config: {}, problems: [{ message: 'expected a map of settings (key: value)', span: nodeSpan(doc.contents, whole), path: [] }] };
  }
  const checked = checkConfigData(data, (path, key) => locate(doc, path, key, whole));
  return { config: checked.config, problems: [...problems, ...checked.problems] };
}

/**
 * Validates configuration data (parsed from a file, or VS Code settings): each offending entry is
 * reported and left out, and the data is validated again, so the valid rest still applies.
 */
export function checkConfigData(data: unknown, locateAt: (path: Array<string | number>, key: boolean) => Span = () => ({ start: 0, end: 0 })): ParsedConfig {
  const problems: ConfigTextProblem[] = [];
  if (data === null || data === undefined) return { config: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { config: {}, problems: [{ message: 'expected a map of settings (key: value)', span: locateAt([], false), path: [] }] };
  }
  data = structuredClone(data);
  // `__proto__` as a key (YAML and JSON both make it an own property) slips past object schemas,
  // which read keys through the prototype chain: reported and dropped like any unknown key.
  for (const path of protoKeys(data)) {
    const where = path.slice(0, -1).map(String);
    const message =
      where.length === 1 && where[0] === 'rules'
        ? `"__proto__" is not a rule id; see postmortem-lint --list-rules`
        : `unknown key "__proto__" ${where.length ? `in "${where.join('.')}"` : 'at the top level'}`;
    problems.push({ message, span: locateAt(path, true), path });
    let parent = data as Record<string, unknown>;
    for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string, unknown>;
    Reflect.deleteProperty(parent, '__proto__');
  }
  for (let round = 0; round < 20; round++) {
    const res = ConfigSchema.safeParse(data);
    if (res.success) return { config: res.data, problems };
    const deletions: Array<Array<string | number>> = [];
    for (const issue of flattenIssues(res.error.issues)) {
      const ipath = issue.path as Array<string | number>;
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          problems.push({ message: issueMessage(issue, k), span: locateAt([...ipath, k], true), path: [...ipath, k] });
          deletions.push([...ipath, k]);
        }
      } else {
        problems.push({ message: issueMessage(issue), span: locateAt(ipath, false), path: ipath });
        // A bad rule setting goes as a whole; elsewhere the bad value, or its parent when it is missing.
        deletions.push(ipath[0] === 'rules' ? ipath.slice(0, 2) : ipath);
      }
    }
    let removed = false;
    for (const path of deletions.sort(comparePathsDescending)) {
      removed = deleteAt(data, path) || (path.length > 1 && deleteAt(data, path.slice(0, -1))) || removed;
    }
    if (!removed) break;
  }
  const res = ConfigSchema.safeParse(data);
  return { config: res.success ? res.data : {}, problems };
}

type Issue = z.core.$ZodIssue & { path: Array<string | number> };

/** Unions (a rule setting, the template) report the branch whose shape the value has, not "invalid input". */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: Array<string | number> = []): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = [...prefix, ...(i.path as Array<string | number>)];
    if (i.code === 'invalid_union') {
      const branch = i.errors.find((b) => b.length > 0 && b.every((x) => x.path.length > 0 || x.code === 'unrecognized_keys'));
      if (branch) {
        out.push(...flattenIssues(branch, path));
        continue;
      }
    }
    out.push({ ...i, path } as Issue);
  }
  return out;
}

/** Later paths first, so deleting array items does not shift the ones still to delete. */
function comparePathsDescending(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (b[i] as number) - (a[i] as number);
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return b.length - a.length;
}

/** Defaults that apply when no configuration says otherwise (besides each rule's own default). */
export const CONFIG_DEFAULTS = {
  status: { draftWarningsAsHints: true, finalWarningsAsErrors: true },
} as const;

/**
 * Merges configurations, farthest first: a nearer file overrides a farther one key by key (rules one by
 * one, the other sections as a whole per key); `ignore` lists add up.
 */
export function mergeConfigs(configs: Config[]): Config {
  const out: Config = {};
  for (const c of configs) {
    if (c.rules) out.rules = { ...out.rules, ...c.rules };
    if (c.template) {
      const prev = normalizeTemplate(out.template);
      const next = normalizeTemplate(c.template);
      out.template = { sections: next.sections ?? prev.sections, aliases: { ...prev.aliases, ...next.aliases } };
    }
    if (c.people) out.people = { ...out.people, ...c.people };
    if (c.phrases) out.phrases = { ...out.phrases, ...c.phrases };
    if (c.actionItems) out.actionItems = { windows: { ...out.actionItems?.windows, ...c.actionItems.windows } };
    if (c.ignore) out.ignore = [...(out.ignore ?? []), ...c.ignore];
    if (c.status) out.status = { ...out.status, ...c.status };
    if (c.root !== undefined) out.root = c.root;
  }
  return out;
}

function normalizeTemplate(t: Config['template']): { sections?: SectionKind[]; aliases?: Partial<Record<SectionKind, string[]>> } {
  if (!t) return {};
  if (Array.isArray(t)) return { sections: t };
  return { sections: t.sections, aliases: t.aliases as Partial<Record<SectionKind, string[]>> | undefined };
}

/** The analysis options a configuration stands for (defaults filled in). `ignore` is left to the caller. */
export function configToOptions(config: Config): AnalyzeOptions {
  const opts: AnalyzeOptions = {};
  if (config.rules) {
    const rules: NonNullable<AnalyzeOptions['rules']> = {};
    const ruleOptions: NonNullable<AnalyzeOptions['ruleOptions']> = {};
    for (const [id, setting] of Object.entries(config.rules)) {
      if (setting === undefined) continue;
      if (Array.isArray(setting)) {
        rules[id] = setting[0];
        ruleOptions[id] = setting[1];
      } else {
        rules[id] = setting;
      }
    }
    opts.rules = rules;
    if (Object.keys(ruleOptions).length) opts.ruleOptions = ruleOptions;
  }
  const t = normalizeTemplate(config.template);
  if (t.sections) opts.template = t.sections;
  if (t.aliases && Object.keys(t.aliases).length) opts.sectionAliases = t.aliases;
  if (config.people) {
    opts.people = {
      ...(config.people.notPeople ? { notPeople: config.people.notPeople } : {}),
      ...(config.people.roster ? { roster: config.people.roster.map((p) => (typeof p === 'string' ? { name: p } : p)) } : {}),
    };
  }
  if (config.phrases) opts.phrases = config.phrases;
  if (config.actionItems?.windows) opts.actionItemWindows = config.actionItems.windows;
  opts.status = { ...CONFIG_DEFAULTS.status, ...config.status };
  return opts;
}
