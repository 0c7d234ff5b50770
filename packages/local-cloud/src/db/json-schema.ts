/**
 * `$jsonSchema` in a query, with MongoDB's keywords (draft 4 plus `bsonType`, without `$ref`,
 * `default`, `definitions`, `format`, `id`). A schema using anything else is refused when the query
 * is built, so a query that works here also parses in the cloud.
 */

import { isPlainObject } from './ejson';

type Schema = Record<string, unknown>;

const BSON_TYPES: Record<string, (value: unknown) => boolean> = {
  double: (v) => typeof v === 'number',
  int: (v) => Number.isInteger(v),
  long: (v) => Number.isInteger(v),
  decimal: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
};

const JSON_TYPES: Record<string, (value: unknown) => boolean> = {
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

const KEYWORDS = new Set([
  'bsonType',
  'type',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'title',
  'description',
]);

function typeMatches(
  names: unknown,
  table: Record<string, (value: unknown) => boolean>,
  value: unknown,
): boolean {
  return (Array.isArray(names) ? names : [names]).some((name) => {
    const test = table[String(name)];
    if (!test) throw new Error(`$jsonSchema: unknown type ${String(name)}`);
    return test(value);
  });
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Checks the schema's keywords (recursively) and answers a test of a document against it. */
export function jsonSchemaValidator(schema: Schema): (value: unknown) => boolean {
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key)) throw new Error(`$jsonSchema keyword ${key} is not supported`);
  }
  const sub = (value: unknown) => jsonSchemaValidator(value as Schema);
  const properties = isPlainObject(schema.properties)
    ? Object.entries(schema.properties).map(([name, s]) => [name, sub(s)] as const)
    : [];
  const patterns = isPlainObject(schema.patternProperties)
    ? Object.entries(schema.patternProperties).map(([p, s]) => [new RegExp(p, 'u'), sub(s)] as const)
    : [];
  const additional = isPlainObject(schema.additionalProperties)
    ? sub(schema.additionalProperties)
    : undefined;
  const items = isPlainObject(schema.items) ? sub(schema.items) : undefined;
  const tuple = Array.isArray(schema.items) ? schema.items.map(sub) : undefined;
  const combined = (name: 'allOf' | 'anyOf' | 'oneOf') =>
    Array.isArray(schema[name]) ? (schema[name] as unknown[]).map(sub) : undefined;
  const [allOf, anyOf, oneOf] = [combined('allOf'), combined('anyOf'), combined('oneOf')];
  const not = isPlainObject(schema.not) ? sub(schema.not) : undefined;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);

  return (value) => {
    if (schema.bsonType !== undefined && !typeMatches(schema.bsonType, BSON_TYPES, value)) return false;
    if (schema.type !== undefined && !typeMatches(schema.type, JSON_TYPES, value)) return false;
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => same(option, value))) return false;
    if (allOf && !allOf.every((test) => test(value))) return false;
    if (anyOf && !anyOf.some((test) => test(value))) return false;
    if (oneOf && oneOf.filter((test) => test(value)).length !== 1) return false;
    if (not?.(value)) return false;
    if (typeof value === 'number') {
      const [min, max] = [num('minimum'), num('maximum')];
      if (min !== undefined && (schema.exclusiveMinimum === true ? value <= min : value < min)) return false;
      if (max !== undefined && (schema.exclusiveMaximum === true ? value >= max : value > max)) return false;
      const step = num('multipleOf');
      if (step !== undefined && value % step !== 0) return false;
    }
    if (typeof value === 'string') {
      const length = [...value].length;
      if (length < (num('minLength') ?? 0) || length > (num('maxLength') ?? Infinity)) return false;
      if (pattern && !pattern.test(value)) return false;
    }
    if (Array.isArray(value)) {
      if (value.length < (num('minItems') ?? 0) || value.length > (num('maxItems') ?? Infinity)) return false;
      if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
        return false;
      if (items && !value.every((item) => items(item))) return false;
      if (tuple) {
        if (!tuple.every((test, i) => i >= value.length || test(value[i]))) return false;
        if (schema.additionalItems === false && value.length > tuple.length) return false;
      }
    }
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length < (num('minProperties') ?? 0) || keys.length > (num('maxProperties') ?? Infinity))
        return false;
      if (Array.isArray(schema.required) && !schema.required.every((name) => String(name) in value))
        return false;
      for (const [name, test] of properties) if (name in value && !test(value[name])) return false;
      for (const key of keys) {
        const byPattern = patterns.filter(([re]) => re.test(key));
        if (!byPattern.every(([, test]) => test(value[key]))) return false;
        const declared = properties.some(([name]) => name === key) || byPattern.length > 0;
        if (declared) continue;
        if (schema.additionalProperties === false) return false;
        if (additional && !additional(value[key])) return false;
      }
      if (isPlainObject(schema.dependencies)) {
        for (const [key, need] of Object.entries(schema.dependencies)) {
          if (!(key in value)) continue;
          if (Array.isArray(need) ? !need.every((name) => String(name) in value) : !sub(need)(value))
            return false;
        }
      }
    }
    return true;
  };
}
