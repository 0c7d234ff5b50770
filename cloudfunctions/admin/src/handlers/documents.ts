import { COLLECTIONS } from '../../../../contract/constants';
import type { DocumentEditable } from '../../../../contract/api/admin';
import type { RegionDocument } from '../../../../contract/models';
import { AppError } from '../../../_shared/errors';
import type { StaffContext } from '../guard';
import { messages, STAFF_SOURCE } from '../i18n';
import { findDocuments } from '../../../_shared/repo/documents';
import { addDocument, changeDocument, removeDocument } from '../repo/documents';
import { readProfile } from '../repo/profile';
import type { DocumentSaveInput } from '../schema';
import { compact, isoOrUndefined } from './common';

const target = (id: string) => `${COLLECTIONS.documents}/${id}`;

function editable(doc: RegionDocument): DocumentEditable {
  const { title, titleOriginal, counterparty, counterpartyOriginal, summary, availability } = doc;
  return compact({
    id: doc._id,
    title,
    titleOriginal,
    counterparty,
    counterpartyOriginal,
    summary,
    availability,
    file: doc.fileId
      ? { fileId: doc.fileId, name: doc.fileName ?? '', sizeBytes: doc.sizeBytes ?? 0 }
      : undefined,
    updatedAt: isoOrUndefined(doc.updatedAt),
  });
}

/** The profile's documents (the MoUs), in the order the public pages list them. */
export async function documentsList(
  _input: Record<string, never>,
  _ctx: StaffContext,
): Promise<{ items: DocumentEditable[] }> {
  const profile = await readProfile();
  if (!profile) throw new AppError('NOT_FOUND', messages.profileMissing);
  const docs = await findDocuments(profile.agreements.documentIds);
  return { items: docs.map(editable) };
}

/** The stored fields of a save: without a file, the file fields are removed (undefined clears them). */
function fieldsOf(input: DocumentSaveInput, now: Date) {
  const { id: _id, file, ...texts } = input;
  return {
    ...texts,
    fileId: file?.fileId,
    fileName: file?.name,
    sizeBytes: file?.sizeBytes,
    updatedAt: now,
  };
}

/** Writes a new document (listed last on the profile) or replaces an existing one's texts and file. */
export async function documentsSave(input: DocumentSaveInput, ctx: StaffContext): Promise<{ id: string }> {
  const fields = fieldsOf(input, ctx.now);
  if (!input.id) {
    const id = await addDocument(
      compact({ ...fields, source: STAFF_SOURCE }),
      (id) => ({ ...ctx.audit, target: target(id), details: { created: true } }),
      ctx.now,
    );
    return { id };
  }
  const id = input.id;
  return changeDocument(id, ctx.now, (current) => {
    if (!current) throw new AppError('NOT_FOUND', messages.documentNotFound);
    return {
      patch: fields,
      audit: { ...ctx.audit, target: target(id), details: { file: Boolean(input.file) } },
      result: { id },
    };
  });
}

export async function documentsDelete(input: { id: string }, ctx: StaffContext): Promise<{ id: string }> {
  const removed = await removeDocument(input.id, { ...ctx.audit, target: target(input.id) }, ctx.now);
  if (!removed) throw new AppError('NOT_FOUND', messages.documentNotFound);
  return { id: input.id };
}
