/**
 * Chrome's managed schema (which Edge reads too) is written from the policy's zod shape
 * (`npm run schema`): every nested value described, or Chrome drops it on the way; and
 * the deployment guide's policy table names every key, no more.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedPolicy } from '@/entrypoints/background/policy/policy';
import { MANAGED_SCHEMA_PATH, managedSchemaText } from '../../../../scripts/managed-schema';

type Schema = { type: string; properties?: Record<string, Schema>; items?: Schema };

const committed = JSON.parse(readFileSync(MANAGED_SCHEMA_PATH, 'utf8')) as Schema;

/** Every place in the schema where Chrome would keep nothing of a value: an object without properties. */
function bareObjects(schema: Schema, path = ''): string[] {
  if (schema.type === 'object' && !schema.properties) return [path || '(racine)'];
  return [
    ...Object.entries(schema.properties ?? {}).flatMap(([key, value]) => bareObjects(value, `${path}.${key}`)),
    ...(schema.items ? bareObjects(schema.items, `${path}[]`) : []),
  ];
}

describe('the managed schema', () => {
  it('is what `npm run schema` writes from the policy’s shape', () => {
    expect(readFileSync(MANAGED_SCHEMA_PATH, 'utf8')).toBe(managedSchemaText());
  });

  it('describes every nested value, the selector profile’s texts and hints included', () => {
    expect(bareObjects(committed)).toEqual([]);
    expect(Object.keys(committed.properties?.selectorProfile?.properties?.texts?.properties ?? {})).toContain(
      'switchAccount',
    );
    expect(committed.properties?.mailboxes?.items?.properties?.kind).toMatchObject({
      enum: ['personal', 'organisational'],
    });
  });

  it('has every key in the deployment guide’s policy table, and the table no other', () => {
    const guide = readFileSync('docs/deploiement.md', 'utf8');
    const table = guide.slice(guide.indexOf('## Politique d'), guide.indexOf('Les valeurs imposées'));
    const named = [...table.matchAll(/^\| `(\w+)` /gm)].map((match) => match[1]);
    expect(named.sort()).toEqual(Object.keys(managedPolicy.shape).sort());
  });
});
