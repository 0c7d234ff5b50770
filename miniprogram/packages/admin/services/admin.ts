import type {
  AlertsSubscribeOutput,
  DashboardOutput,
  DocumentEditable,
  DocumentSaveInput,
  EnquiryDetail,
  EnquiryEraseOutput,
  EnquiryExportOutput,
  EnquiryReplyInput,
  EnquiryStatusFilter,
  EnquirySummary,
  EnquiryUpdateInput,
  NewsDetail,
  NewsPublishOutput,
  NewsSaveInput,
  NewsSummary,
  OpportunityDetail,
  OpportunitySaveInput,
  OpportunitySummary,
  ProfileEditable,
  ProfileSaveInput,
  RenderedMarkdown,
  StaffInviteOutput,
  StaffMember,
  StaffNewsStatus,
  StaffOpportunityStatus,
  TranslateInput,
  TranslateOutput,
} from '../../../contract/api/admin';
import type { Page } from '../../../contract/api/common';
import type {
  Category,
  EnquiryKind,
  EnquiryStatus,
  EnquiryTopic,
  StaffLanguage,
} from '../../../contract/models';
import { call } from '../../../services/cloud';

export { whoami } from '../../../services/staff';

/*
 * The `admin` function, typed on contract/api/admin.ts. Every action re-checks on the server that
 * the caller is staff (FORBIDDEN otherwise). Reads are retried once after a network failure;
 * writes, the preview (the next keystroke asks again) and the export (each makes a file) are not.
 */

const READ = { retry: true } as const;

/** Leaves out keys whose value is undefined or '': absent, not empty, as the schemas expect. */
function compact<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  ) as T;
}

// ---- staff ----------------------------------------------------------------------------------

export function staffList(): Promise<{ items: StaffMember[] }> {
  return call('admin', 'staff.list', {}, READ);
}

export function staffAdd(openId: string, name?: string): Promise<{ openId: string; added: boolean }> {
  return call('admin', 'staff.add', compact({ openId, name }));
}

export function staffRemove(openId: string): Promise<{ openId: string }> {
  return call('admin', 'staff.remove', { openId });
}

/** A one-time code for a colleague (shown once; only its hash is kept). */
export function staffInvite(name: string): Promise<StaffInviteOutput> {
  return call('admin', 'staff.invite', { name });
}

/** Makes the caller staff with a colleague's invite code: the one staff action open to non-staff. */
export function staffRedeem(code: string, name: string): Promise<{ isAdmin: true }> {
  return call('admin', 'staff.redeem', { code, name });
}

export function staffRename(name: string): Promise<{ name: string }> {
  return call('admin', 'staff.rename', { name });
}

// ---- news -----------------------------------------------------------------------------------

export function newsList(status?: StaffNewsStatus, cursor?: string | null): Promise<Page<NewsSummary>> {
  return call('admin', 'news.list', compact({ status, cursor: cursor ?? undefined }), READ);
}

export function newsGet(id: string): Promise<{ item: NewsDetail; preview: RenderedMarkdown }> {
  return call('admin', 'news.get', { id }, READ);
}

export function newsSave(input: NewsSaveInput): Promise<{ id: string; status: StaffNewsStatus }> {
  return call('admin', 'news.save', input);
}

/** The body rendered by the public pages' own Markdown renderer. */
export function newsPreview(body: string): Promise<{ nodes: RenderedMarkdown }> {
  return call('admin', 'news.preview', { body });
}

/** Now, or at `at` (ISO 8601) when that lies in the future. */
export function newsPublish(id: string, at?: string): Promise<NewsPublishOutput> {
  return call('admin', 'news.publish', compact({ id, at }));
}

export function newsUnpublish(id: string): Promise<{ id: string; status: 'archived' | 'draft' }> {
  return call('admin', 'news.unpublish', { id });
}

export function newsDelete(id: string): Promise<{ id: string }> {
  return call('admin', 'news.delete', { id });
}

// ---- opportunities --------------------------------------------------------------------------

export function opportunitiesList(
  status?: StaffOpportunityStatus,
  cursor?: string | null,
  category?: Category,
): Promise<Page<OpportunitySummary>> {
  return call(
    'admin',
    'opportunities.list',
    compact({ status, category, cursor: cursor ?? undefined }),
    READ,
  );
}

export function opportunitiesGet(
  id: string,
): Promise<{ item: OpportunityDetail; preview: RenderedMarkdown }> {
  return call('admin', 'opportunities.get', { id }, READ);
}

export function opportunitiesSave(
  input: OpportunitySaveInput,
): Promise<{ id: string; status: StaffOpportunityStatus }> {
  return call('admin', 'opportunities.save', input);
}

export function opportunitiesPublish(id: string): Promise<{ id: string; status: 'published' }> {
  return call('admin', 'opportunities.publish', { id });
}

export function opportunitiesUnpublish(id: string): Promise<{ id: string; status: 'archived' }> {
  return call('admin', 'opportunities.unpublish', { id });
}

export function opportunitiesDelete(id: string): Promise<{ id: string }> {
  return call('admin', 'opportunities.delete', { id });
}

// ---- profile --------------------------------------------------------------------------------

export function profileGet(): Promise<ProfileEditable> {
  return call('admin', 'profile.get', {}, READ);
}

export function profileSave(input: ProfileSaveInput): Promise<{ updatedAt: string }> {
  return call('admin', 'profile.save', input);
}

/** The profile's documents (the MoUs), in the order readers see them. */
export function documentsList(): Promise<{ items: DocumentEditable[] }> {
  return call('admin', 'documents.list', {}, READ);
}

/** A new document (no `id`), listed last, or the named one replaced. */
export function documentsSave(input: DocumentSaveInput): Promise<{ id: string }> {
  return call('admin', 'documents.save', input);
}

export function documentsDelete(id: string): Promise<{ id: string }> {
  return call('admin', 'documents.delete', { id });
}

// ---- enquiries ------------------------------------------------------------------------------

export interface EnquiryFilter {
  status?: EnquiryStatusFilter;
  topic?: EnquiryTopic;
  kind?: EnquiryKind;
}

export function enquiriesList(filter: EnquiryFilter, cursor?: string | null): Promise<Page<EnquirySummary>> {
  return call('admin', 'enquiries.list', compact({ ...filter, cursor: cursor ?? undefined }), READ);
}

export function enquiriesGet(id: string): Promise<EnquiryDetail> {
  return call('admin', 'enquiries.get', { id }, READ);
}

export function enquiriesUpdate(input: EnquiryUpdateInput): Promise<{ id: string; status: EnquiryStatus }> {
  return call('admin', 'enquiries.update', compact(input));
}

/** Sends the partner a reply (Chinese `body`; `original` when staff wrote in another language). */
export function enquiriesReply(input: EnquiryReplyInput): Promise<{ replyId: string }> {
  return call('admin', 'enquiries.reply', input);
}

/**
 * A machine translation for staff to read an enquiry or draft a reply. Nothing is stored, so a
 * lost answer is asked again once, as a read is.
 */
export function translate(input: TranslateInput): Promise<TranslateOutput> {
  return call('admin', 'translate', input, READ);
}

/** An Excel file of the filtered inbox in the staff member's language, answered as a short-lived link. */
export function enquiriesExport(filter: EnquiryFilter, lang: StaffLanguage): Promise<EnquiryExportOutput> {
  return call('admin', 'enquiries.export', compact({ ...filter, lang }));
}

/** Deletes everything of the person who sent enquiry `id`. */
export function enquiriesErase(id: string): Promise<EnquiryEraseOutput> {
  return call('admin', 'enquiries.erase', { id });
}

// ---- dashboard and alerts -------------------------------------------------------------------

export function dashboard(): Promise<DashboardOutput> {
  return call('admin', 'dashboard', {}, READ);
}

/** Records one accepted new-enquiry alert (after `wx.requestSubscribeMessage` said 'accept'). */
export function alertsSubscribe(): Promise<AlertsSubscribeOutput> {
  return call('admin', 'alerts.subscribe', {});
}

/** Turns new-enquiry alerts off: every alert the caller holds is withdrawn. */
export function alertsUnsubscribe(): Promise<{ open: 0 }> {
  return call('admin', 'alerts.unsubscribe', {});
}
