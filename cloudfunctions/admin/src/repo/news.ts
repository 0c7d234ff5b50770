import { COLLECTIONS } from '../../../../contract/constants';
import type { NewsStatus } from '../../../../contract/models';
import type { NewsDoc } from '../../../_shared/models';
import type { AuditDraft } from '../../../_shared/repo/audit';
import { _, db } from '../../../_shared/repo/db';
import { pageDesc, type After, type PageOf } from '../../../_shared/repo/keyset';
import { insertWithAudit } from '../../../_shared/repo/write';

const collection = () => db.collection(COLLECTIONS.news);

/** The staff list: every status but deleted (or the one asked for), last edited first. */
export function listNews(
  statuses: readonly NewsStatus[],
  after: After | null,
  limit: number,
): Promise<PageOf<NewsDoc>> {
  const filter = statuses.length === 1 ? { status: statuses[0] } : { status: _.in([...statuses]) };
  return pageDesc<NewsDoc>(COLLECTIONS.news, filter, 'updatedAt', after, limit);
}

/** An item by id, or null when missing or (soft-)deleted. */
export async function findNews(id: string): Promise<NewsDoc | null> {
  const { data } = await collection()
    .where({ _id: id, status: _.neq('deleted') })
    .limit(1)
    .get();
  return ((data as NewsDoc[])[0] as NewsDoc | undefined) ?? null;
}

export function createNews(doc: Omit<NewsDoc, '_id'>, auditFor: (id: string) => AuditDraft, now: Date) {
  return insertWithAudit(COLLECTIONS.news, doc as unknown as Record<string, unknown>, auditFor, now);
}

export async function countPublishedNews(): Promise<number> {
  const { total } = await collection().where({ status: 'published' }).count();
  return total;
}
