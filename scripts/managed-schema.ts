/**
 * `npm run schema`: writes Chrome's managed storage schema (public/managed_schema.json,
 * which Edge reads too) from the policy's own zod shape, every nested value described.
 * Chrome keeps of a managed policy only what its schema describes: a value the schema
 * calls a bare `object` arrives empty (a selector profile pushed by policy arrived as
 * `{}`, and the whole policy was refused). A unit test keeps the file in step.
 *
 * Chrome's schema is a subset of JSON Schema: type, properties, items, enum, minimum,
 * maximum, title, description. Lengths and patterns are left to the extension, which
 * names what it refuses in its diagnostics (Chrome would drop the value unnamed); a
 * nullable value is described by its non-null type.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { managedPolicy } from '../entrypoints/background/policy/policy';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  title?: string;
  description?: string;
};

export const MANAGED_SCHEMA_PATH = 'public/managed_schema.json';

function chromeSchema(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf?.filter((option) => option.type !== 'null');
  if (options?.length === 1 && options[0])
    return chromeSchema({ ...options[0], ...pick(schema, ['title', 'description']) });
  if (options) throw new Error(`Chrome's schema has no union: ${JSON.stringify(schema)}`);
  const out: JsonSchema = pick(schema, ['title', 'description']);
  if (schema.const !== undefined) {
    out.type = Number.isInteger(schema.const) ? 'integer' : typeof schema.const;
    out.enum = [schema.const];
    return out;
  }
  if (typeof schema.type !== 'string') throw new Error(`no single type: ${JSON.stringify(schema)}`);
  out.type = schema.type;
  if (schema.enum) out.enum = schema.enum;
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, chromeSchema(value)]),
    );
  }
  if (schema.items) out.items = chromeSchema(schema.items);
  return out;
}

function pick(schema: JsonSchema, keys: ('title' | 'description')[]): JsonSchema {
  return Object.fromEntries(keys.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
}

/** The managed schema, as the file holds it. */
export function managedSchemaText(): string {
  const { $schema: _, ...schema } = z.toJSONSchema(managedPolicy, { io: 'input' }) as JsonSchema & { $schema?: string };
  return `${JSON.stringify(chromeSchema(schema), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(MANAGED_SCHEMA_PATH, managedSchemaText());
  console.log(`${MANAGED_SCHEMA_PATH} écrit.`);
}
