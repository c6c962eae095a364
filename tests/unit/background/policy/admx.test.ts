/**
 * The administrative templates for GPO and Intune (policies/admx/) are what `npm run admx`
 * writes from the managed schema: well-formed XML, one setting per key of the schema in the
 * very key Chrome or Edge reads an extension's policy from, typed as the browser converts
 * registry values (DWORD for booleans and integers, JSON text for lists and objects), and
 * every string and presentation they name found in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  ADMX_DIR,
  admxFiles,
  BROWSERS,
  PLACEHOLDER_ID,
  policyElement,
  type SchemaNode,
} from '../../../../scripts/admx';

const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as SchemaNode;
const schemaKeys = Object.keys(schema.properties ?? {});
const committed = (path: string) => readFileSync(join(ADMX_DIR, path), 'utf8');

/** Every file under a folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

type Node = Record<string, unknown>;
const LISTED = new Set(['policy', 'category', 'definition', 'string', 'presentation', 'item', 'target', 'using']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && LISTED.has(name),
});
const parse = (path: string) => parser.parse(committed(path)) as Node;

interface Policy extends Node {
  name: string;
  key: string;
  valueName?: string;
  displayName: string;
  explainText: string;
  presentation?: string;
  enabledValue?: { decimal: { value: string } };
  disabledValue?: { decimal: { value: string } };
  elements?: Record<string, Node>;
}

const definitions = (path: string) => parse(path).policyDefinitions as Node;
const policiesOf = (path: string) => ((definitions(path).policies as Node).policy ?? []) as Policy[];
const resourcesOf = (path: string) => (parse(path).policyDefinitionResources as Node).resources as Node;

/** The registry value each policy writes, by its name: the policy's own, or its element's. */
function valueNames(policy: Policy): string[] {
  if (policy.valueName) return [policy.valueName];
  return Object.values(policy.elements ?? {}).map((element) => String(element.valueName));
}

describe('the administrative templates (ADMX and ADML)', () => {
  it('are what `npm run admx` writes from the managed schema, and no other file', () => {
    const generated = admxFiles({ chrome: PLACEHOLDER_ID, edge: PLACEHOLDER_ID });
    expect(filesUnder(ADMX_DIR).sort()).toEqual([...generated.keys()].sort());
    for (const [path, text] of generated) expect(committed(path), path).toBe(text);
  });

  it('are well-formed XML, UTF-8 with an XML declaration', () => {
    for (const path of filesUnder(ADMX_DIR)) {
      expect(XMLValidator.validate(committed(path)), path).toBe(true);
      expect(committed(path).startsWith('<?xml version="1.0" encoding="utf-8"?>'), path).toBe(true);
    }
  });

  it('give each file its own namespace, the browsers’ files placed under the « Repère BAL » category', () => {
    const namespaces = filesUnder(ADMX_DIR)
      .filter((path) => path.endsWith('.admx'))
      .flatMap((path) => ((definitions(path).policyNamespaces as Node).target as Node[]).map((t) => t.namespace));
    expect(new Set(namespaces).size).toBe(namespaces.length);
    const common = definitions('repere-bal.admx');
    expect((common.categories as Node).category).toEqual([{ name: 'RepereBAL', displayName: '$(string.RepereBAL)' }]);
    for (const browser of Object.values(BROWSERS)) {
      const uses = (definitions(`${browser.file}.admx`).policyNamespaces as Node).using as Node[];
      expect(uses).toEqual([{ prefix: 'reperebal', namespace: 'RepereBAL.Policies' }]);
      const [category] = (definitions(`${browser.file}.admx`).categories as Node).category as Node[];
      expect(category?.parentCategory).toEqual({ ref: 'reperebal:RepereBAL' });
    }
  });

  for (const [which, browser] of Object.entries(BROWSERS)) {
    describe(browser.name, () => {
      const policies = policiesOf(`${browser.file}.admx`);

      it('sets every key of the managed schema, in the key the browser reads (HKLM)', () => {
        expect(policies.flatMap(valueNames).sort()).toEqual([...schemaKeys].sort());
        const path = which === 'chrome' ? 'Google\\Chrome' : 'Microsoft\\Edge';
        for (const policy of policies) {
          expect(policy.key).toBe(`Software\\Policies\\${path}\\3rdparty\\extensions\\${PLACEHOLDER_ID}\\policy`);
          expect(policy.class).toBe('Machine');
        }
      });

      it('types each value as the browser converts it: DWORD 1/0, bounded integers, JSON text', () => {
        for (const policy of policies) {
          const node = schema.properties?.[policy.name] ?? { type: '' };
          if (node.type === 'boolean') {
            expect([policy.enabledValue?.decimal.value, policy.disabledValue?.decimal.value]).toEqual(['1', '0']);
          } else if (node.type === 'integer') {
            expect(policy.elements?.decimal).toMatchObject({
              minValue: String(node.minimum),
              maxValue: String(node.maximum),
            });
          } else {
            expect(['array', 'object']).toContain(node.type);
            expect(policy.elements?.text).toMatchObject({ valueName: policy.name, maxLength: '1000000' });
          }
        }
      });

      for (const language of ['fr-FR', 'en-US']) {
        it(`finds every string and presentation it names in ${language}`, () => {
          const resources = resourcesOf(`${language}/${browser.file}.adml`);
          const strings = new Set(((resources.stringTable as Node).string as Node[]).map((s) => s.id));
          const presentations = ((resources.presentationTable as Node).presentation ?? []) as Node[];
          const named = [...committed(`${browser.file}.admx`).matchAll(/\$\((string|presentation)\.(\w+)\)/g)];
          expect(named.length).toBeGreaterThan(schemaKeys.length);
          for (const [reference, table, id] of named) {
            const found = table === 'string' ? strings.has(id) : presentations.some((p) => p.id === id);
            expect(found, reference).toBe(true);
          }
          for (const policy of policies.filter((p) => p.presentation)) {
            const boxes = presentations.find((p) => `$(presentation.${p.id})` === policy.presentation) ?? {};
            const refIds = Object.values(boxes).flatMap((box) =>
              typeof box === 'object' ? [(box as Node).refId] : [],
            );
            const elementIds = Object.values(policy.elements ?? {}).map((element) => element.id);
            expect(refIds, policy.name).toEqual(elementIds);
          }
        });
      }
    });
  }

  it('French texts are the schema’s own, the English ones its translation', () => {
    const french = resourcesOf('fr-FR/repere-bal-chrome.adml').stringTable as Node;
    const english = resourcesOf('en-US/repere-bal-chrome.adml').stringTable as Node;
    const text = (table: Node, id: string) => (table.string as Node[]).find((s) => s.id === id)?.['#text'];
    expect(text(french, 'privacyMode')).toBe(schema.properties?.privacyMode?.title);
    expect(text(english, 'privacyMode')).toBe('Discreet notifications imposed');
    expect(text(french, 'mailboxes_Explain')).toContain('"kind": "personal" | "organisational"');
  });

  it('writes the stores’ IDs once known', () => {
    const files = admxFiles({ chrome: 'a'.repeat(32), edge: 'b'.repeat(32) });
    expect(files.get('repere-bal-chrome.admx')).toContain(`extensions\\${'a'.repeat(32)}\\policy`);
    expect(files.get('repere-bal-edge.admx')).toContain(`extensions\\${'b'.repeat(32)}\\policy`);
    expect(files.get('fr-FR/repere-bal-edge.adml')).toContain('b'.repeat(32));
  });

  it('offers a choice for a value with a fixed set (a drop-down list writing the chosen text)', () => {
    const element = policyElement('kind', { type: 'string', enum: ['personal', 'organisational'] }, 'Software\\X');
    expect(XMLValidator.validate(element)).toBe(true);
    expect(element).toContain('<enum id="kind" valueName="kind" required="true">');
    expect(element).toContain('<item displayName="$(string.kind_personal)"><value><string>personal</string></value>');
  });
});
