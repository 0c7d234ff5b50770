import type * as z from 'zod/mini';
import type { AdminApi, EnquiryEraseInput } from '../../../contract/api/admin';
import { action, createMain, type ActionsOf } from '../../_shared/function';
import { audited, read, write } from './guard';
import { alertsSubscribe, alertsUnsubscribe } from './handlers/alerts';
import { dashboard } from './handlers/dashboard';
import {
  enquiriesErase,
  enquiriesExport,
  enquiriesGet,
  enquiriesList,
  enquiriesReply,
  enquiriesUpdate,
} from './handlers/enquiries';
import { translate } from './handlers/translate';
import {
  newsDelete,
  newsGet,
  newsList,
  newsPreview,
  newsPublish,
  newsSave,
  newsUnpublish,
} from './handlers/news';
import {
  opportunitiesDelete,
  opportunitiesGet,
  opportunitiesList,
  opportunitiesPublish,
  opportunitiesSave,
  opportunitiesUnpublish,
} from './handlers/opportunities';
import { documentsDelete, documentsList, documentsSave } from './handlers/documents';
import { profileGet, profileSave } from './handlers/profile';
import { staffAdd, staffInvite, staffList, staffRedeem, staffRemove, staffRename } from './handlers/staff';
import { whoami } from './handlers/whoami';
import * as s from './schema';

const news = (input: { id: string }) => `news/${input.id}`;
const opportunity = (input: { id: string }) => `opportunities/${input.id}`;
const enquiry = (input: { id: string }) => `enquiries/${input.id}`;

/**
 * The erase schema's refinement admits exactly one of `openId` / `id`, which its static input type
 * (two optional fields) cannot say; this names the contract's union for it. The one cast here:
 * remove it once the schema is written as that union.
 */
const enquiriesEraseInput = s.enquiriesEraseInput as unknown as z.ZodMiniType<
  z.output<typeof s.enquiriesEraseInput>,
  EnquiryEraseInput
>;

/** `whoami` and `staff.redeem` answer everyone; every other action is staff only (see guard). */
const actions: ActionsOf<AdminApi> = {
  whoami: action(s.whoamiInput, whoami),
  'staff.list': read(s.emptyInput, staffList),
  'staff.add': write(s.staffAddInput, staffAdd),
  'staff.remove': write(s.staffRemoveInput, staffRemove),
  'staff.invite': write(s.staffInviteInput, staffInvite),
  // Like whoami, open to a caller who is not (yet) staff: the code is the permission.
  'staff.redeem': action(s.staffRedeemInput, staffRedeem),
  'staff.rename': write(s.staffRenameInput, staffRename),

  'news.list': read(s.newsListInput, newsList),
  'news.get': read(s.idInput, newsGet, news),
  'news.save': write(s.newsSaveInput, newsSave),
  'news.preview': read(s.newsPreviewInput, newsPreview),
  'news.publish': write(s.newsPublishInput, newsPublish),
  'news.unpublish': write(s.idInput, newsUnpublish),
  'news.delete': write(s.idInput, newsDelete),

  'opportunities.list': read(s.opportunitiesListInput, opportunitiesList),
  'opportunities.get': read(s.idInput, opportunitiesGet, opportunity),
  'opportunities.save': write(s.opportunitySaveInput, opportunitiesSave),
  'opportunities.publish': write(s.idInput, opportunitiesPublish),
  'opportunities.unpublish': write(s.idInput, opportunitiesUnpublish),
  'opportunities.delete': write(s.idInput, opportunitiesDelete),

  'profile.get': read(s.emptyInput, profileGet),
  'profile.save': write(s.profileSaveInput, profileSave),
  'documents.list': read(s.emptyInput, documentsList),
  'documents.save': write(s.documentSaveInput, documentsSave),
  'documents.delete': write(s.idInput, documentsDelete),

  'enquiries.list': audited(s.enquiriesListInput, enquiriesList),
  'enquiries.get': read(s.idInput, enquiriesGet, enquiry),
  'enquiries.update': write(s.enquiriesUpdateInput, enquiriesUpdate),
  'enquiries.reply': write(s.enquiriesReplyInput, enquiriesReply),
  'enquiries.export': audited(s.enquiriesExportInput, enquiriesExport),
  'enquiries.erase': write(enquiriesEraseInput, enquiriesErase),

  dashboard: read(s.emptyInput, dashboard),
  'alerts.subscribe': write(s.emptyInput, alertsSubscribe),
  'alerts.unsubscribe': audited(s.emptyInput, alertsUnsubscribe),
  translate: read(s.translateInput, translate),
};

export const main = createMain('admin', actions);
