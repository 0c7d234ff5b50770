import { COLLECTIONS, PROFILE_ID } from '../../../../contract/constants';
import type { RegionDocument, RegionProfile } from '../../../../contract/models';
import { AppError } from '../../../_shared/errors';
import { auditIn, type AuditDraft } from '../../../_shared/repo/audit';
import { _, inTransaction, readIn, type Transaction } from '../../../_shared/repo/db';
import { decideAndWrite, type Decision } from '../../../_shared/repo/write';

export function changeDocument<R>(
  id: string,
  now: Date,
  decide: (current: RegionDocument | null) => Decision<R>,
) {
  return decideAndWrite<RegionDocument, R>(COLLECTIONS.documents, id, now, decide);
}

async function listingProfile(tx: Transaction): Promise<RegionProfile> {
  const profile = await readIn<RegionProfile>(tx, COLLECTIONS.profile, PROFILE_ID);
  if (!profile) throw new AppError('NOT_FOUND');
  return profile;
}

/** Stores a new document and lists it last on the profile, with its audit entry, in one transaction. */
export function addDocument(
  doc: Omit<RegionDocument, '_id'>,
  auditFor: (id: string) => AuditDraft,
  now: Date,
): Promise<string> {
  return inTransaction(async (tx) => {
    const profile = await listingProfile(tx);
    const { id } = (await tx.collection(COLLECTIONS.documents).add(doc)) as { id: string | number };
    await tx
      .collection(COLLECTIONS.profile)
      .doc(PROFILE_ID)
      .update({
        agreements: _.set({
          ...profile.agreements,
          documentIds: [...profile.agreements.documentIds, String(id)],
        }),
        updatedAt: now,
      });
    await auditIn(tx, auditFor(String(id)), now);
    return String(id);
  });
}

/** Removes a document and its place on the profile, with its audit entry, in one transaction. */
export function removeDocument(id: string, audit: AuditDraft, now: Date): Promise<boolean> {
  return inTransaction(async (tx) => {
    const doc = await readIn<RegionDocument>(tx, COLLECTIONS.documents, id);
    if (!doc) return false;
    const profile = await listingProfile(tx);
    await tx.collection(COLLECTIONS.documents).doc(id).remove();
    await tx
      .collection(COLLECTIONS.profile)
      .doc(PROFILE_ID)
      .update({
        agreements: _.set({
          ...profile.agreements,
          documentIds: profile.agreements.documentIds.filter((listed) => listed !== id),
        }),
        updatedAt: now,
      });
    await auditIn(tx, audit, now);
    return true;
  });
}
