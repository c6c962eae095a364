/**
 * The sample policy files for IT (policies/: Chrome, Edge, Firefox) are read as each
 * browser would and pass the extension's own check; Chrome's managed schema (which Edge
 * reads too) names every key the policy knows. Firefox's reading of the registry
 * (WindowsGPOParser.sys.mjs) hands values over as they are, save a string given for a
 * whole extension, which it parses as JSON (the « JSON » type of its policy schema).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedPolicy, readPolicy } from '@/entrypoints/background/policy/policy';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const schema = json('public/managed_schema.json') as { properties: Record<string, { type: string }> };

/** A .reg file's keys, each with its values as written (`"name"=…`), in order. */
function registryKeys(text: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  let values: string[] | undefined;
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    const key = /^\[(.+)\]$/.exec(line)?.[1];
    if (key !== undefined) {
      values = [];
      keys.set(key, values);
    } else if (line.startsWith('"')) values?.push(line);
  }
  return keys;
}

/** A .reg string value, unescaped: `"name"="va\"lue"` gives name and va"lue. */
function registryString(line: string): [string, string] {
  const match = /^"([^"]+)"="(.*)"$/.exec(line);
  if (!match) throw new Error(`not a string value: ${line}`);
  return [match[1] ?? '', (match[2] ?? '').replace(/\\(["\\])/g, '$1')];
}

/** A key's string values, by name. */
function registryStrings(text: string, key: string): Record<string, string> {
  return Object.fromEntries((registryKeys(text).get(key) ?? []).map(registryString));
}

/**
 * What Chrome (or Edge) makes of the extension's policy key in a .reg file: numbers from
 * dwords, booleans where the schema says so, JSON in strings. Every value must be a key
 * of the schema.
 */
function readRegistryPolicy(text: string, policyKey: string): Record<string, unknown> {
  const lines = registryKeys(text).get(policyKey);
  if (!lines) throw new Error(`no [${policyKey}] in the file`);
  const policy: Record<string, unknown> = {};
  for (const line of lines) {
    const match = /^"(\w+)"=(?:dword:([0-9a-f]{8})|"(.*)")$/.exec(line);
    if (!match) throw new Error(`unreadable value: ${line}`);
    const [, key = '', dword, string] = match;
    const type = schema.properties[key]?.type;
    if (!type) throw new Error(`${key} is not in the extension's policy schema`);
    if (dword !== undefined)
      policy[key] = type === 'boolean' ? Number.parseInt(dword, 16) !== 0 : Number.parseInt(dword, 16);
    else policy[key] = type === 'string' ? string : JSON.parse((string ?? '').replace(/\\"/g, '"'));
  }
  return policy;
}

const CHROME_POLICY_KEY =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\IDENTIFIANT\\policy';
const EDGE_POLICY_KEY =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\IDENTIFIANT\\policy';
const EDGE_FORCELIST_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\ExtensionInstallForcelist';
const FIREFOX_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox';
const FIREFOX_ID = 'repere-bal@repere-bal.fr';
const CHROME_WEB_STORE = 'https://clients2.google.com/service/update2/crx';
const firefoxPolicy = () => json('policies/firefox-policies.json').policies['3rdparty'].Extensions[FIREFOX_ID];

describe('sample policies', () => {
  it('Chrome on Linux (JSON): forced install from the Chrome Web Store, then the settings', () => {
    const file = json('policies/chrome-linux.json');
    const [id = '', policy] = Object.entries(file['3rdparty'].extensions)[0] ?? [];
    expect(file.ExtensionSettings).toEqual({
      [id]: { installation_mode: 'force_installed', update_url: CHROME_WEB_STORE },
    });
    expect(readPolicy(policy)).toMatchObject({
      ok: true,
      policy: { privacyMode: true, minPollIntervalMinutes: 2, alwaysConfirmServices: true },
    });
  });

  it('Chrome on Windows (registry, GPO): forced install (ExtensionSettings, JSON in a string), then the settings', () => {
    const text = readFileSync('policies/chrome-windows.reg', 'utf8');
    const { ExtensionSettings } = registryStrings(text, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome');
    expect(JSON.parse(ExtensionSettings ?? '')).toEqual({
      IDENTIFIANT: { installation_mode: 'force_installed', update_url: CHROME_WEB_STORE },
    });
    const policy = readRegistryPolicy(text, CHROME_POLICY_KEY);
    expect(readPolicy(policy)).toMatchObject({
      ok: true,
      policy: {
        privacyMode: true,
        alwaysConfirmServices: true,
        portalOrigins: ['https://preprod.medimail.mipih.fr/*'],
        mailboxes: [{ kind: 'organisational' }, { watched: true }],
        lockedSettings: ['pauseWhenIdle'],
      },
    });
  });

  it('Microsoft Edge on Windows (registry, GPO): forced install from Edge Add-ons, the same settings as Chrome', () => {
    const text = readFileSync('policies/edge-windows.reg', 'utf8');
    expect(registryKeys(text).get(EDGE_FORCELIST_KEY)).toEqual([
      '"1"="IDENTIFIANT;https://edge.microsoft.com/extensionwebstorebase/v1/crx"',
    ]);
    const policy = readRegistryPolicy(text, EDGE_POLICY_KEY);
    expect(readPolicy(policy)).toMatchObject({
      ok: true,
      policy: {
        privacyMode: true,
        minPollIntervalMinutes: 2,
        portalOrigins: ['https://preprod.medimail.mipih.fr/*'],
        mailboxes: [{ label: 'Cardiologie' }, { watched: true }],
        lockedSettings: ['pauseWhenIdle'],
      },
    });
    expect(policy).toEqual(readRegistryPolicy(readFileSync('policies/chrome-windows.reg', 'utf8'), CHROME_POLICY_KEY));
  });

  it('Firefox on Windows (registry, GPO): forced install, then the whole policy as one JSON string', () => {
    const text = readFileSync('policies/firefox-windows.reg', 'utf8');
    expect(text).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(registryStrings(text, `${FIREFOX_KEY}\\ExtensionSettings\\${FIREFOX_ID}`)).toEqual(
      json('policies/firefox-policies.json').policies.ExtensionSettings[FIREFOX_ID],
    );
    const extensions = registryStrings(text, `${FIREFOX_KEY}\\3rdparty\\Extensions`);
    const policy = JSON.parse(extensions[FIREFOX_ID] ?? '');
    expect(policy).toEqual(firefoxPolicy());
    expect(readPolicy(policy)).toMatchObject({ ok: true, refused: [], policy: { privacyMode: true } });
  });

  it('Firefox (policies.json)', () => {
    const policy = firefoxPolicy();
    expect(readPolicy(policy)).toMatchObject({
      ok: true,
      policy: {
        alwaysConfirmServices: true,
        mailboxes: [{ label: 'Cardiologie', kind: 'organisational' }, { watched: true }],
      },
    });
  });

  it('Chrome’s managed schema names every policy key, with its type', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(managedPolicy.shape).sort());
  });
});
