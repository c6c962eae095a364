/**
 * `npm run admx`: writes the administrative templates with which a GPO or Intune sets the
 * extension's policy in Chrome and in Edge: one setting per key of the managed schema, in
 * the key each browser reads an extension's policy from (HKLM, …\3rdparty\extensions\<id>\policy).
 * Chrome (and Edge, built on it) converts a registry value by the schema: a DWORD for a
 * boolean or an integer, a JSON string (REG_SZ) for a list or an object
 * (components/policy/core/common/registry_dict.cc); so a list or an object is one text field
 * holding JSON, as in Chrome's own templates, and its explanation spells out the shape.
 *
 * repere-bal.admx holds only the « Repère BAL » category, which both browsers' files share
 * (the layout of google.admx and chrome.admx). French texts come from the schema's titles
 * and descriptions; English ones, and the templates' other words, from ./admx-texts.ts.
 * The stores have not assigned the IDs yet: IDENTIFIANT stands for them until IT writes
 * the files again with `npm run admx -- --chrome-id=… --edge-id=… --out=dossier`. A unit
 * test keeps the committed files in step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGLISH_TEXTS, LANGUAGES, type Language, type PolicyTexts, WORDS } from './admx-texts';
import { managedSchemaText } from './managed-schema';

export type SchemaNode = {
  type: string;
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
};

export const ADMX_DIR = 'policies/admx';
/** Stands for an extension ID until the store assigns it (as in the .reg samples). */
export const PLACEHOLDER_ID = 'IDENTIFIANT';
const COMMON_FILE = 'repere-bal';
const COMMON_NAMESPACE = 'RepereBAL.Policies';

export interface Browser {
  file: string;
  namespace: string;
  name: string;
  /** Where the browser reads the policy of the extension `id`, under HKLM. */
  policyKey: (id: string) => string;
}

export const BROWSERS = {
  chrome: {
    file: 'repere-bal-chrome',
    namespace: 'RepereBAL.Policies.Chrome',
    name: 'Google Chrome',
    policyKey: (id: string) => `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${id}\\policy`,
  },
  edge: {
    file: 'repere-bal-edge',
    namespace: 'RepereBAL.Policies.Edge',
    name: 'Microsoft Edge',
    policyKey: (id: string) => `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${id}\\policy`,
  },
} satisfies Record<string, Browser>;

/** Escapes the text of an XML element. */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Escapes a double-quoted XML attribute. */
const escapeAttribute = (text: string) => escapeXml(text).replace(/"/g, '&quot;');

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const GPO_NAMESPACE = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

/** How a value of the schema is typed in a policy: a switch, a number, a choice or text. */
function control(node: SchemaNode): 'switch' | 'number' | 'choice' | 'text' {
  if (node.type === 'boolean') return 'switch';
  if (node.type === 'integer' && !node.enum) return 'number';
  if (node.enum) return 'choice';
  return 'text';
}

const isJson = (node: SchemaNode) => node.type === 'array' || node.type === 'object';

/** The shape of a JSON value, written like JSON with a word for each leaf: `[{ "address": texte, … }, …]`. */
function shapeOf(node: SchemaNode, language: Language): string {
  const words = WORDS[language];
  if (node.enum) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (node.type === 'boolean') return 'true | false';
  if (node.type === 'integer') return words.integer(node.minimum, node.maximum);
  if (node.type === 'array' && node.items) return `[${shapeOf(node.items, language)}, …]`;
  if (node.type === 'object' && node.properties) {
    const entries = Object.entries(node.properties).map(([key, value]) => `"${key}": ${shapeOf(value, language)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return words.text;
}

function textsOf(key: string, node: SchemaNode, language: Language): PolicyTexts {
  if (language === 'fr-FR') return { title: node.title ?? key, description: node.description };
  const english = ENGLISH_TEXTS[key];
  if (!english) throw new Error(`${key} n'a pas de texte anglais dans scripts/admx-texts.ts`);
  return english;
}

function explanation(key: string, node: SchemaNode, language: Language): string {
  const words = WORDS[language];
  const { description } = textsOf(key, node, language);
  const valueType = node.type === 'boolean' || node.type === 'integer' ? 'REG_DWORD' : 'REG_SZ';
  return [
    description,
    isJson(node) ? `${words.json}\n${shapeOf(node, language)}` : undefined,
    control(node) === 'number' ? `${words.valueLabel} ${shapeOf(node, language)}.` : undefined,
    control(node) === 'switch' ? words.boolean : words.notConfigured,
    words.registryValue(key, valueType),
  ]
    .filter((paragraph) => paragraph !== undefined)
    .join('\n\n');
}

/** The ADMX `policy` element of one key of the schema. */
export function policyElement(key: string, node: SchemaNode, registryKey: string): string {
  const name = escapeAttribute(key);
  const head = `    <policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"`;
  const where = `key="${escapeAttribute(registryKey)}"`;
  const context = `      <parentCategory ref="Browser" />\n      <supportedOn ref="SUPPORTED_BROWSER" />`;
  const kind = control(node);
  if (kind === 'switch') {
    return `${head} ${where} valueName="${name}">
${context}
      <enabledValue><decimal value="1" /></enabledValue>
      <disabledValue><decimal value="0" /></disabledValue>
    </policy>`;
  }
  let element = `<text id="${name}" valueName="${name}" maxLength="1000000" required="true" />`;
  if (kind === 'number') {
    const bounds = `minValue="${node.minimum ?? 0}" maxValue="${node.maximum ?? 2_000_000_000}"`;
    element = `<decimal id="${name}" valueName="${name}" ${bounds} required="true" />`;
  } else if (kind === 'choice') {
    const items = (node.enum ?? []).map((value) => {
      const data =
        typeof value === 'number' ? `<decimal value="${value}" />` : `<string>${escapeXml(String(value))}</string>`;
      return `          <item displayName="$(string.${name}_${escapeAttribute(String(value))})"><value>${data}</value></item>`;
    });
    element = `<enum id="${name}" valueName="${name}" required="true">\n${items.join('\n')}\n        </enum>`;
  }
  return `${head} presentation="$(presentation.${name})" ${where}>
${context}
      <elements>
        ${element}
      </elements>
    </policy>`;
}

function admx(browser: Browser, id: string, schema: SchemaNode): string {
  const policies = Object.entries(schema.properties ?? {}).map(([key, node]) =>
    policyElement(key, node, browser.policyKey(id)),
  );
  return `${XML_DECLARATION}
<policyDefinitions xmlns="${GPO_NAMESPACE}" revision="1.0" schemaVersion="1.0">
  <policyNamespaces>
    <target prefix="browser" namespace="${browser.namespace}" />
    <using prefix="reperebal" namespace="${COMMON_NAMESPACE}" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_BROWSER" displayName="$(string.SUPPORTED_BROWSER)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="Browser" displayName="$(string.Browser)">
      <parentCategory ref="reperebal:RepereBAL" />
    </category>
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
}

function presentation(key: string, node: SchemaNode, language: Language): string | undefined {
  const words = WORDS[language];
  const name = escapeAttribute(key);
  const kind = control(node);
  if (kind === 'switch') return undefined;
  const box =
    kind === 'number'
      ? `<decimalTextBox refId="${name}">${words.valueLabel}</decimalTextBox>`
      : kind === 'choice'
        ? `<dropdownList refId="${name}" noSort="true">${words.valueLabel}</dropdownList>`
        : `<textBox refId="${name}"><label>${isJson(node) ? words.jsonLabel : words.valueLabel}</label></textBox>`;
  return `      <presentation id="${name}">\n        ${box}\n      </presentation>`;
}

function adml(displayName: string, description: string, strings: [string, string][], presentations: string[]): string {
  const table = strings.map(([id, text]) => `      <string id="${escapeAttribute(id)}">${escapeXml(text)}</string>`);
  return `${XML_DECLARATION}
<policyDefinitionResources xmlns="${GPO_NAMESPACE}" revision="1.0" schemaVersion="1.0">
  <displayName>${escapeXml(displayName)}</displayName>
  <description>${escapeXml(description)}</description>
  <resources>
    <stringTable>
${table.join('\n')}
    </stringTable>
${presentations.length > 0 ? `    <presentationTable>\n${presentations.join('\n')}\n    </presentationTable>\n` : ''}  </resources>
</policyDefinitionResources>
`;
}

function browserAdml(browser: Browser, id: string, schema: SchemaNode, language: Language): string {
  const words = WORDS[language];
  const entries = Object.entries(schema.properties ?? {});
  const strings: [string, string][] = [
    ['Browser', browser.name],
    ['SUPPORTED_BROWSER', words.supported(browser.name)],
    ...entries.flatMap(([key, node]): [string, string][] => [
      [key, textsOf(key, node, language).title],
      [`${key}_Explain`, explanation(key, node, language)],
      ...(node.enum ?? []).map((value): [string, string] => [`${key}_${value}`, String(value)]),
    ]),
  ];
  const presentations = entries.flatMap(([key, node]) => presentation(key, node, language) ?? []);
  return adml(`Repère BAL – ${browser.name}`, words.resources(browser.name, id), strings, presentations);
}

const COMMON_ADMX = `${XML_DECLARATION}
<policyDefinitions xmlns="${GPO_NAMESPACE}" revision="1.0" schemaVersion="1.0">
  <policyNamespaces>
    <target prefix="reperebal" namespace="${COMMON_NAMESPACE}" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <categories>
    <category name="RepereBAL" displayName="$(string.RepereBAL)" />
  </categories>
</policyDefinitions>
`;

export interface ExtensionIds {
  chrome: string;
  edge: string;
}

/** Every template, by its path under the output folder. */
export function admxFiles(
  ids: ExtensionIds,
  schema: SchemaNode = JSON.parse(managedSchemaText()),
): Map<string, string> {
  const files = new Map([[`${COMMON_FILE}.admx`, COMMON_ADMX]]);
  for (const language of LANGUAGES) {
    files.set(`${language}/${COMMON_FILE}.adml`, adml('Repère BAL', 'Repère BAL', [['RepereBAL', 'Repère BAL']], []));
  }
  for (const [which, browser] of Object.entries(BROWSERS) as [keyof ExtensionIds, Browser][]) {
    files.set(`${browser.file}.admx`, admx(browser, ids[which], schema));
    for (const language of LANGUAGES) {
      files.set(`${language}/${browser.file}.adml`, browserAdml(browser, ids[which], schema, language));
    }
  }
  return files;
}

/** A Chrome Web Store or Edge Add-ons ID: 32 letters from a to p. */
const EXTENSION_ID = /^[a-p]{32}$/;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'chrome-id': { type: 'string', default: PLACEHOLDER_ID },
      'edge-id': { type: 'string', default: PLACEHOLDER_ID },
      out: { type: 'string', default: ADMX_DIR },
    },
  });
  const ids = { chrome: values['chrome-id'], edge: values['edge-id'] };
  for (const [which, id] of Object.entries(ids)) {
    if (id !== PLACEHOLDER_ID && !EXTENSION_ID.test(id)) {
      console.error(`--${which}-id=${id} : un identifiant d'extension compte 32 lettres de a à p.`);
      process.exit(1);
    }
  }
  for (const [path, text] of admxFiles(ids)) {
    const target = join(values.out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  console.log(`Modèles d'administration écrits dans ${values.out}/ (Chrome : ${ids.chrome}, Edge : ${ids.edge}).`);
}
