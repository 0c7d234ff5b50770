import type { OpportunityDetail } from '../../../../contract/api/content';
import { AppError } from '../../../_shared/errors';
import type { Context } from '../../../_shared/function';
import { documentFileIds, documentSummary, opportunityListItem } from '../present';
import { findDocuments } from '../../../_shared/repo/documents';
import { tempFileUrls } from '../repo/files';
import { getVisibleOpportunity } from '../repo/opportunities';
import type { ByIdInput } from '../schema';

/**
 * One published opportunity: body rendered, attachments with download URLs, the documents it rests
 * on, how to take part and whom to ask.
 */
export async function opportunitiesGet(input: ByIdInput, ctx: Context): Promise<OpportunityDetail> {
  const doc = await getVisibleOpportunity(input.id, ctx.now);
  if (!doc) throw new AppError('NOT_FOUND');
  const documents = await findDocuments(doc.documentIds ?? []);
  const attachments = doc.attachments ?? [];
  // Loaded on first use: the list and home actions, a partner's first screen, do not pay for it.
  const { cloudImageSources, renderMarkdown, withResolvedImages } = await import('../../../_shared/markdown');
  const body = renderMarkdown(doc.body);
  const urls = await tempFileUrls([
    ...attachments.map((attachment) => attachment.fileId),
    ...documentFileIds(documents),
    ...cloudImageSources(body),
  ]);
  const { name, title, email, phone } = doc.contact;
  return {
    ...opportunityListItem(doc, ctx.now),
    body: withResolvedImages(body, urls),
    availabilityNote: doc.availabilityNote ?? null,
    participation: doc.participation,
    attachments: attachments.map((attachment) => ({
      name: attachment.name,
      sizeBytes: attachment.sizeBytes ?? null,
      fileId: attachment.fileId,
      url: urls.get(attachment.fileId) ?? null,
    })),
    documents: documents.map((document) => documentSummary(document, urls)),
    contact: { name, ...(title ? { title } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
    source: doc.source,
  };
}
