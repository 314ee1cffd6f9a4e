/**
 * One schema, many surfaces. From the zod schema in config/schema.ts this writes:
 * - schemas/postmortemrc.schema.json, the JSON Schema of .postmortemrc.yaml/.yml/.json, which
 *   package.json contributes through jsonValidation and yamlValidation;
 * - package.json's `postmortem.<key>` settings (rules, template, people, ...), which apply where no
 *   configuration file exists.
 * test/config/schema.test.ts fails when either is out of date.
 *   npx tsx scripts/config-schema.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_DEFAULTS, CONFIG_FILE_NAMES, configJsonSchema, SETTINGS_KEYS, settingJsonSchema, type SettingsKey } from '../config/schema';

const ROOT = join(__dirname, '..');
export const SCHEMA_PATH = 'schemas/postmortemrc.schema.json';

export function schemaText(): string {
  return JSON.stringify(configJsonSchema(), null, 2) + '\n';
}

const SETTING_TEXT: Record<SettingsKey, string> = {
  rules:
    'Severity of each rule (`off`, `hint`, `info`, `warning`, `error`), as in the `rules` key of `.postmortemrc.yaml`. Applies where no configuration file exists.',
  template:
    'The required sections in order, and extra headings per section, as in the `template` key of `.postmortemrc.yaml`. Applies where no configuration file exists.',
  people: 'Names that are services or tools (`notPeople`) and team members (`roster`), as in `.postmortemrc.yaml`. Applies where no configuration file exists.',
  phrases: 'Literal blame and vague phrases to add or remove, as in `.postmortemrc.yaml`. Applies where no configuration file exists.',
  actionItems: 'Days after the incident by which action items should be due, per severity (`windows`). Applies where no configuration file exists.',
  status:
    'Severity shaping by the postmortem status: findings about what is not written yet (sections, metadata, ticket, type, due) shown as hints while `draft`, warnings as errors once `final`. Blame findings keep their severity in every status. Applies where no configuration file exists.',
};

/** The default shown in the Settings editor: the built-in behaviour, or "nothing added". */
function settingDefault(key: SettingsKey, schema: Record<string, unknown>): unknown {
  if (key === 'status') return { ...CONFIG_DEFAULTS.status };
  if (schema.type === 'array') return [];
  return {};
}

/** The package.json entries generated from the schema. */
export function packageEntries(): {
  jsonValidation: Array<{ fileMatch: string; url: string }>;
  yamlValidation: Array<{ fileMatch: string[]; url: string }>;
  settings: Record<string, Record<string, unknown>>;
} {
  const url = `./${SCHEMA_PATH}`;
  const settings: Record<string, Record<string, unknown>> = {};
  for (const k of SETTINGS_KEYS) {
    const { description: _d, ...schema } = settingJsonSchema(k);
    // Rule ids are checked by the server (and completed in .postmortemrc files); leaving them out of the
    // setting keeps package.json unchanged when a rule is added.
    if (k === 'rules') delete schema.propertyNames;
    settings[`postmortem.${k}`] = { ...schema, default: settingDefault(k, schema), scope: 'resource', markdownDescription: SETTING_TEXT[k] };
  }
  return {
    jsonValidation: CONFIG_FILE_NAMES.filter((n) => n.endsWith('.json')).map((fileMatch) => ({ fileMatch, url })),
    yamlValidation: [{ fileMatch: CONFIG_FILE_NAMES.filter((n) => !n.endsWith('.json')), url }],
    settings,
  };
}

/** package.json with the generated entries put in place (other entries untouched). */
export function updatedPackageJson(text: string): string {
  const pkg = JSON.parse(text);
  const e = packageEntries();
  pkg.contributes ??= {};
  pkg.contributes.jsonValidation = e.jsonValidation;
  pkg.contributes.yamlValidation = e.yamlValidation;
  pkg.contributes.configuration ??= { title: 'Postmortem Writer', properties: {} };
  pkg.contributes.configuration.properties ??= {};
  Object.assign(pkg.contributes.configuration.properties, e.settings);
  return JSON.stringify(pkg, null, 2) + '\n';
}

if (require.main === module) {
  if (process.argv.includes('--write')) {
    writeFileSync(join(ROOT, SCHEMA_PATH), schemaText());
    const pkgFile = join(ROOT, 'package.json');
    const before = readFileSync(pkgFile, 'utf8');
    const after = updatedPackageJson(before);
    if (after !== before) writeFileSync(pkgFile, after);
    process.stdout.write(`wrote ${SCHEMA_PATH}${after !== before ? ' and package.json' : ''}\n`);
  } else {
    process.stdout.write(schemaText());
  }
}
