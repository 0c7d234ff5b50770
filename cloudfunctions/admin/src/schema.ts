import type * as z from 'zod/mini';
import {
  byId,
  documentSave,
  ENQUIRY_STATUS_FILTERS,
  enquiriesErase,
  enquiriesExport,
  enquiriesList,
  enquiriesReply,
  enquiriesUpdate,
  newsList,
  newsPreview,
  newsPublish,
  newsSave,
  noInput,
  opportunitiesList,
  opportunitySave,
  profileSave,
  staffAdd,
  staffInvite,
  staffRedeem,
  staffRemove,
  staffRename,
  STAFF_NEWS_STATUSES,
  STAFF_OPPORTUNITY_STATUSES,
  translate,
} from '../../../contract/rules';
import { schemaOf } from '../../_shared/validation';

/** Input schemas of every admin action, from the shared rules: strict (unknown keys are INVALID_ARGUMENT), trimmed, typed. */

export { ENQUIRY_STATUS_FILTERS, STAFF_NEWS_STATUSES, STAFF_OPPORTUNITY_STATUSES };
export type EnquiryStatusFilter = (typeof ENQUIRY_STATUS_FILTERS)[number];

/** Actions without input accept `{}` only. */
export const emptyInput = schemaOf(noInput);
export const idInput = schemaOf(byId);

// ---- staff -------------------------------------------------------------------------------------

export const whoamiInput = emptyInput;
export const staffAddInput = schemaOf(staffAdd);
export const staffRemoveInput = schemaOf(staffRemove);
export const staffInviteInput = schemaOf(staffInvite);
export const staffRedeemInput = schemaOf(staffRedeem);
export const staffRenameInput = schemaOf(staffRename);

// ---- news --------------------------------------------------------------------------------------

export const newsListInput = schemaOf(newsList);
export const newsSaveInput = schemaOf(newsSave);
export type NewsSaveInput = z.output<typeof newsSaveInput>;
export const newsPreviewInput = schemaOf(newsPreview);
export const newsPublishInput = schemaOf(newsPublish);

// ---- opportunities ---------------------------------------------------------------------------

export const opportunitiesListInput = schemaOf(opportunitiesList);
export const opportunitySaveInput = schemaOf(opportunitySave);
export type OpportunitySaveInput = z.output<typeof opportunitySaveInput>;

// ---- profile -----------------------------------------------------------------------------------

export const profileSaveInput = schemaOf(profileSave);
export type ProfileSaveInput = z.output<typeof profileSaveInput>;
export const documentSaveInput = schemaOf(documentSave);
export type DocumentSaveInput = z.output<typeof documentSaveInput>;

// ---- enquiries ---------------------------------------------------------------------------------

export const enquiriesListInput = schemaOf(enquiriesList);
export const enquiriesUpdateInput = schemaOf(enquiriesUpdate);
export const enquiriesExportInput = schemaOf(enquiriesExport);
export const enquiriesReplyInput = schemaOf(enquiriesReply);
export const translateInput = schemaOf(translate);
export const enquiriesEraseInput = schemaOf(enquiriesErase);
