/**
 * One schema, many surfaces: the JSON Schema file and package.json's contributions are generated from
 * the zod schema (refresh with `npm run schema`), and the JSON Schema agrees with zod on what is valid.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { ConfigSchema, CONFIG_FILE_NAMES } from '../../config/schema';
import { RULES } from '../../core';
import { packageEntries, SCHEMA_PATH, schemaText, updatedPackageJson } from '../../scripts/config-schema';

const ROOT = join(__dirname, '..', '..');
const REFRESH = 'out of date: run `npm run schema` and commit the result';

describe('configuration JSON Schema', () => {
  it(`${SCHEMA_PATH} is generated from the zod schema`, () => {
    assert.equal(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8'), schemaText(), `${SCHEMA_PATH} is ${REFRESH}`);
  });

  it('package.json contributes the schema for every config file name, and the postmortem.* settings', () => {
    const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
    assert.equal(updatedPackageJson(text), text, `package.json is ${REFRESH}`);
    const pkg = JSON.parse(text);
    const e = packageEntries();
    const matched = [
      ...pkg.contributes.jsonValidation.map((v: { fileMatch: string }) => v.fileMatch),
      ...pkg.contributes.yamlValidation.flatMap((v: { fileMatch: string[] }) => v.fileMatch),
    ];
    assert.deepEqual([...matched].sort(), [...CONFIG_FILE_NAMES].sort());
    for (const v of [...pkg.contributes.jsonValidation, ...pkg.contributes.yamlValidation]) assert.equal(v.url, `./${SCHEMA_PATH}`);
    for (const key of Object.keys(e.settings)) assert.ok(pkg.contributes.configuration.properties[key], key);
  });

  it('lists every rule id', () => {
    const schema = JSON.parse(schemaText());
    assert.deepEqual(
      schema.properties.rules.propertyNames.enum,
      RULES.map((r) => r.id),
    );
  });

  describe('agrees with zod', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8')));
    const cases: Array<[string, string, boolean]> = [
      [
        'a full file',
        'root: true\nrules:\n  blame-language: error\n  section-missing: [info, {}]\ntemplate:\n  sections: [summary, timeline]\n  aliases:\n    timeline: [Chronology]\npeople:\n  notPeople: [Jenkins]\n  roster: [Lee Park, { name: Dana Okafor, role: scribe }]\nphrases:\n  blame: { add: [dropped the ball], remove: [careless] }\nactionItems:\n  windows: { SEV-1: 7, SEV-3: quarter }\nignore: [drafts/**]\nstatus: { draftWarningsAsHints: false }\n',
        true,
      ],
      ['a template list', 'template: [summary, impact]\n', true],
      ['an unknown rule', 'rules:\n  blame-langauge: error\n', false],
      ['an unknown key', 'colour: red\n', false],
      ['a bad severity', 'rules:\n  blame-language: loud\n', false],
      ['a bad section', 'template: [summary, impactt]\n', false],
      ['a bad window', 'actionItems:\n  windows:\n    SEV-1: 0\n', false],
      ['an unknown severity level', 'actionItems:\n  windows:\n    SEV-5: 3\n', false],
      ['a roster entry without a name', 'people:\n  roster: [{ role: scribe }]\n', false],
      ['a bad status flag', 'status:\n  finalWarningsAsErrors: sometimes\n', false],
    ];
    for (const [name, yaml, valid] of cases) {
      it(`${name}: ${valid ? 'valid' : 'invalid'} for both`, () => {
        const data = parseYaml(yaml);
        assert.equal(ConfigSchema.safeParse(data).success, valid, 'zod');
        assert.equal(validate(data), valid, `JSON Schema: ${JSON.stringify(validate.errors)}`);
      });
    }
  });
});
