import { createHash } from 'node:crypto';
import { COLLECTIONS } from '../../../../contract/constants';
import type { TranslateTarget } from '../../../../contract/models';
import { isDuplicateKeyError } from '../../../_shared/cloud';
import { db } from '../../../_shared/repo/db';
import { readOne } from '../../../_shared/repo/db';

export interface CachedTranslation {
  _id: string;
  text: string;
  from: string;
  provider: string;
  createdAt: Date;
}

/** The cache key of a text in a target language: a hash, so the key itself carries no text. */
export function translationKey(text: string, to: TranslateTarget): string {
  return createHash('sha256').update(`${to}\n${text}`).digest('hex');
}

export function findTranslation(key: string): Promise<CachedTranslation | null> {
  return readOne<CachedTranslation>(COLLECTIONS.translations, key);
}

/** Keeps a translation; a concurrent request that stored the same one first is fine. */
export async function saveTranslation(doc: CachedTranslation): Promise<void> {
  try {
    await db.collection(COLLECTIONS.translations).add(doc);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** Deletes the cached translations of these texts (an erased enquiry's message and replies). */
export async function removeTranslationsOf(texts: string[]): Promise<number> {
  const keys = texts.flatMap((text) => (['zh', 'en'] as const).map((to) => translationKey(text, to)));
  if (keys.length === 0) return 0;
  const _ = db.command;
  const { deleted } = (await db
    .collection(COLLECTIONS.translations)
    .where({ _id: _.in(keys) })
    .remove()) as { deleted?: number };
  return deleted ?? 0;
}
