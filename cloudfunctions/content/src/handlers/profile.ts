import type { ProfileOutput } from '../../../../contract/api/content';
import { AppError } from '../../../_shared/errors';
import type { Context } from '../../../_shared/function';
import { contactCard, documentFileIds, documentSummary, isoOf, officeOf } from '../present';
import { findDocuments } from '../../../_shared/repo/documents';
import { tempFileUrls } from '../repo/files';
import { getProfile } from '../repo/profile';
import type { NoInput } from '../schema';

/** The 关于 page: the whole profile, the focus areas in full (the focus-area page reads them here too), the MoUs. */
export async function profile(_input: NoInput, ctx: Context): Promise<ProfileOutput> {
  const doc = await getProfile();
  if (!doc) throw new AppError('NOT_FOUND');
  const documents = await findDocuments(doc.agreements.documentIds);
  const urls = await tempFileUrls(documentFileIds(documents));
  return {
    name: doc.name,
    partner: doc.partner,
    intro: doc.intro,
    keyFacts: doc.keyFacts,
    timeline: doc.timeline,
    focusAreas: doc.focusAreas.map(({ id, title, titleOriginal, summary, paragraphs, icon }) => ({
      id,
      title,
      titleOriginal,
      summary,
      paragraphs,
      icon,
    })),
    internationalOffice: officeOf(doc),
    representativeOffice: doc.representativeOffice,
    agreements: {
      title: doc.agreements.title,
      paragraphs: doc.agreements.paragraphs,
      documents: documents.map((document) => documentSummary(document, urls)),
    },
    contact: contactCard(doc, ctx.now),
    source: doc.source,
    updatedAt: isoOf(doc.updatedAt),
  };
}
