import fs from 'node:fs';
import { z } from 'zod';
import type { CollectionSpec } from './db/database';
import { rulesSchema } from './rules';

/**
 * The one manifest (`cloudbase/manifest.json`) that declares every collection with its
 * indexes and security rules. The local cloud applies it at start; deployment applies it
 * to a CloudBase environment.
 */
const indexSchema = z.object({
  name: z.string().min(1),
  keys: z
    .array(z.object({ field: z.string().min(1), direction: z.union([z.literal(1), z.literal(-1)]) }))
    .min(1),
  unique: z.boolean().default(false),
});

export const manifestSchema = z.object({
  collections: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/),
        description: z.string().optional(),
        rules: rulesSchema,
        indexes: z.array(indexSchema).default([]),
      }),
    )
    .min(1),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function loadManifest(file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the manifest ${file}: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid manifest ${file} at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const names = new Set<string>();
  for (const collection of parsed.data.collections) {
    if (names.has(collection.name))
      throw new Error(`Invalid manifest ${file}: ${collection.name} is declared twice`);
    names.add(collection.name);
  }
  return parsed.data;
}

export function collectionSpecs(manifest: Manifest): CollectionSpec[] {
  return manifest.collections.map((collection) => ({
    name: collection.name,
    uniqueIndexes: collection.indexes
      .filter((index) => index.unique)
      .map((index) => ({ name: index.name, fields: index.keys.map((key) => key.field) })),
    indexes: collection.indexes.map((index) => ({ name: index.name, keys: index.keys })),
  }));
}
