import { COLLECTIONS } from '../../../../contract/constants';
import type { Category, OpportunityStatus } from '../../../../contract/models';
import type { OpportunityDoc } from '../../../_shared/models';
import type { AuditDraft } from '../../../_shared/repo/audit';
import { _, db } from '../../../_shared/repo/db';
import { pageDesc, type After, type PageOf } from '../../../_shared/repo/keyset';
import { decideAndWrite, insertWithAudit, type Decision } from '../../../_shared/repo/write';

export function listOpportunities(
  statuses: readonly OpportunityStatus[],
  category: Category | undefined,
  after: After | null,
  limit: number,
): Promise<PageOf<OpportunityDoc>> {
  const filter = {
    status: statuses.length === 1 ? statuses[0] : _.in([...statuses]),
    ...(category ? { category } : {}),
  };
  return pageDesc<OpportunityDoc>(COLLECTIONS.opportunities, filter, 'updatedAt', after, limit);
}

export async function findOpportunity(id: string): Promise<OpportunityDoc | null> {
  const { data } = await db
    .collection(COLLECTIONS.opportunities)
    .where({ _id: id, status: _.neq('deleted') })
    .limit(1)
    .get();
  return ((data as OpportunityDoc[])[0] as OpportunityDoc | undefined) ?? null;
}

export function createOpportunity(
  doc: Omit<OpportunityDoc, '_id'>,
  auditFor: (id: string) => AuditDraft,
  now: Date,
) {
  return insertWithAudit(COLLECTIONS.opportunities, doc as unknown as Record<string, unknown>, auditFor, now);
}

export function changeOpportunity<R>(
  id: string,
  now: Date,
  decide: (current: OpportunityDoc | null) => Decision<R>,
) {
  return decideAndWrite<OpportunityDoc, R>(COLLECTIONS.opportunities, id, now, decide);
}
