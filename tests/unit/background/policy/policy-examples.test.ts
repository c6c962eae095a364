/**
 * The sample policy files for IT (policies/) are read as each browser would and pass
 * the extension's own check; Chrome's managed schema names every key the policy knows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedPolicy, readPolicy } from '@/entrypoints/background/policy/policy';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const schema = json('public/managed_schema.json') as { properties: Record<string, { type: string }> };

/** What Chrome makes of a .reg policy: numbers from dwords, booleans where the schema says so, JSON in strings. */
function readRegistryPolicy(text: string): Record<string, unknown> {
  const policy: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^"(\w+)"=(?:dword:([0-9a-f]{8})|"(.*)")$/.exec(line.trim());
    if (!match) continue;
    const [, key = '', dword, string] = match;
    const type = schema.properties[key]?.type;
    if (dword !== undefined)
      policy[key] = type === 'boolean' ? Number.parseInt(dword, 16) !== 0 : Number.parseInt(dword, 16);
    else policy[key] = type === 'string' ? string : JSON.parse((string ?? '').replace(/\\"/g, '"'));
  }
  return policy;
}

describe('sample policies', () => {
  it('Chrome on Linux (JSON)', () => {
    const extensions = json('policies/chrome-linux.json')['3rdparty'].extensions;
    const policy = Object.values(extensions)[0];
    expect(readPolicy(policy)).toMatchObject({ ok: true, policy: { privacyMode: true, minPollIntervalMinutes: 2 } });
  });

  it('Chrome on Windows (registry, GPO)', () => {
    const policy = readRegistryPolicy(readFileSync('policies/chrome-windows.reg', 'utf8'));
    expect(readPolicy(policy)).toMatchObject({
      ok: true,
      policy: {
        privacyMode: true,
        portalOrigins: ['https://preprod.medimail.mipih.fr/*'],
        lockedSettings: ['pauseWhenIdle'],
      },
    });
  });

  it('Firefox (policies.json)', () => {
    const policy = json('policies/firefox-policies.json').policies['3rdparty'].Extensions['repere-bal@repere-bal.fr'];
    expect(readPolicy(policy)).toMatchObject({
      ok: true,
      policy: { mailboxes: [{ label: 'Cardiologie' }, { watched: true }] },
    });
  });

  it('Chrome’s managed schema names every policy key, with its type', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(managedPolicy.shape).sort());
  });
});
