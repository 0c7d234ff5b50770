import { ENQUIRY_TOPICS } from '../../../../contract/constants';
import { chinaDay } from '../../../../contract/rules';
import { t } from '../../../../i18n/index';
import { ServiceError } from '../../../../services/cloud';
import { submit } from '../../../../services/enquiry';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { createRequestId } from '../../../../utils/request-id';
import { pageUrl, ROUTES } from '../../../../utils/routes';
import { clearDraft, loadDraft, loadLastContact, saveDraft, saveLastContact } from './draft';
import {
  charCount,
  contactOf,
  CONTACT_FIELDS,
  EMPTY_DRAFT,
  FIELD_NAMES,
  fieldOfServerKey,
  firstError,
  hasErrors,
  isTopic,
  MESSAGE_MAX_CHARS,
  REACH_FIELDS,
  toSubmitInput,
  validateAll,
  type ContactDetails,
  type EnquiryDraft,
  type FieldErrors,
  type FieldName,
  type FormKind,
} from './validation';

/**
 * 在线咨询 and 来访申请 (`?kind=visit`): one form, the visit request adding the visit's dates,
 * group size, sectors and institutions. Fields are checked as the user leaves them (and again on
 * every change once flagged) by the same rules as the server, and all of them on submit, before
 * anything is sent; a failed submit scrolls to the first message and focuses its field. One
 * `requestId` per form fill, kept across failed attempts and with the draft, so a retry never
 * stores a second enquiry. What was typed survives leaving the page (per form, until a success),
 * and the last submission's contact details are offered. Opened with `?topic=…&message=…` to
 * preset the topic and the message (a visit request also takes the topic as its first sector), and
 * with `&about=…` to say above the form which opportunity it is about.
 */

const NO_ERRORS = Object.fromEntries(FIELD_NAMES.map((field) => [field, ''])) as FieldErrors;

/** How far ahead a visit may start in the date picker (the rules bound the stay, not the start). */
const VISIT_PICKER_DAYS = 2 * 366;
const DAY_MS = 24 * 3600_000;
/** Room above a scrolled-to field, so its label stays in view. */
const SCROLL_MARGIN_PX = 80;
const SCROLL_DURATION_MS = 300;

/** A query value as given; navigateTo delivers it still percent-encoded on some base libraries. */
function decodeQueryValue(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    // Not percent-encoded after all (a lone '%' in already decoded text): use it as it is.
    return value;
  }
}

interface FieldEvent {
  currentTarget: { dataset: { field?: FieldName } };
  detail: { value?: unknown; checked?: boolean };
}

const labels = {
  legend: t('enquiry.form.legend'),
  sectionContact: t('enquiry.form.sectionContact'),
  sectionConsent: t('enquiry.form.sectionConsent'),
  sectionVisit: t('enquiry.form.sectionVisit'),
  name: t('enquiry.form.name'),
  organization: t('enquiry.form.organization'),
  title: t('enquiry.form.title'),
  email: t('enquiry.form.email'),
  phone: t('enquiry.form.phone'),
  wechatId: t('enquiry.form.wechatId'),
  topic: t('enquiry.form.topic'),
  namePlaceholder: t('enquiry.form.namePlaceholder'),
  organizationPlaceholder: t('enquiry.form.organizationPlaceholder'),
  optional: t('enquiry.form.optional'),
  emailPlaceholder: t('enquiry.form.emailPlaceholder'),
  phonePlaceholder: t('enquiry.form.phonePlaceholder'),
  wechatIdPlaceholder: t('enquiry.form.wechatIdPlaceholder'),
  contactHint: t('enquiry.form.contactHint'),
  visitFrom: t('enquiry.form.visitFrom'),
  visitTo: t('enquiry.form.visitTo'),
  pickDate: t('enquiry.form.pickDate'),
  groupSize: t('enquiry.form.groupSize'),
  groupSizePlaceholder: t('enquiry.form.groupSizePlaceholder'),
  sectors: t('enquiry.form.sectors'),
  institutions: t('enquiry.form.institutions'),
  institutionsPlaceholder: t('enquiry.form.institutionsPlaceholder'),
  lastContact: t('enquiry.form.lastContact'),
  useLastContact: t('enquiry.form.useLastContact'),
  consentPrivacy: t('enquiry.form.consentPrivacy'),
  readPrivacy: t('enquiry.form.readPrivacy'),
  consentCrossBorder: t('enquiry.form.consentCrossBorder'),
};

/** The texts that differ between the two forms. */
function kindLabels(kind: FormKind) {
  const key = kind === 'visit' ? 'visit' : 'general';
  return {
    pageTitle: t(`enquiry.form.${key}.pageTitle`),
    intro: t(`enquiry.form.${key}.intro`),
    sectionEnquiry: t(`enquiry.form.${key}.sectionEnquiry`),
    message: t(`enquiry.form.${key}.message`),
    messagePlaceholder: t(`enquiry.form.${key}.messagePlaceholder`),
    submit: t(`enquiry.form.${key}.submit`),
  };
}

/** The offer of last time's details: who and where, as one line. */
function contactSummary(contact: ContactDetails): string {
  return [contact.name, contact.organization].join(' · ');
}

Page({
  data: {
    pageStyle: '',
    kind: 'general' as FormKind,
    /** '关于：…' when opened from an opportunity; '' otherwise. */
    about: '',
    form: { ...EMPTY_DRAFT },
    errors: { ...NO_ERRORS },
    /** The field to put the cursor in (after a failed submit); '' for none. */
    focusField: '',
    messageCounter: t('enquiry.form.counter', { count: 0, max: MESSAGE_MAX_CHARS }),
    messageTooLong: false,
    sending: false,
    topics: ENQUIRY_TOPICS.map((value) => ({ value, label: t(`enquiry.topics.${value}`) })),
    /** Last submission's contact line, offered while this form's contact fields are empty; '' for none. */
    lastContact: '',
    today: '',
    latestDay: '',
    labels: { ...labels, ...kindLabels('general') },
  },

  /** The idempotency key of this form fill. */
  requestId: '',
  /** Fields whose message is shown: left once, changed (choices) or submitted. */
  touched: {} as Partial<Record<FieldName, boolean>>,
  /** Set once this fill was stored: leaving the page then keeps no draft. */
  submitted: false,
  /** The contact details offered, while offered. */
  offered: null as ContactDetails | null,

  onLoad(query: Record<string, string | undefined>) {
    const kind: FormKind = query.kind === 'visit' ? 'visit' : 'general';
    this.touched = {};
    this.submitted = false;
    const stored = loadDraft(kind);
    this.requestId = stored?.requestId ?? createRequestId();
    const topic = decodeQueryValue(query.topic);
    const message = decodeQueryValue(query.message);
    // A preset from the page that opened the form is what the partner asked for now: it wins over the draft.
    const draft = stored?.draft ?? EMPTY_DRAFT;
    const form: EnquiryDraft = {
      ...draft,
      ...(isTopic(topic) ? { topic } : {}),
      ...(kind === 'visit' && isTopic(topic) && draft.sectors.length === 0 ? { sectors: [topic] } : {}),
      ...(message ? { message } : {}),
    };
    const about = decodeQueryValue(query.about);
    const last = loadLastContact();
    this.offered = last && CONTACT_FIELDS.every((field) => !form[field]) ? last : null;
    const now = Date.now();
    const kinds = kindLabels(kind);
    wx.setNavigationBarTitle({ title: kinds.pageTitle });
    this.setData({
      pageStyle: fontScaleStyle(),
      kind,
      about: about ? t('enquiry.form.about', { title: about }) : '',
      form,
      lastContact: this.offered ? contactSummary(this.offered) : '',
      today: chinaDay(now),
      latestDay: chinaDay(now + VISIT_PICKER_DAYS * DAY_MS),
      labels: { ...labels, ...kinds },
      ...this.counter(form.message),
    });
  },

  onHide() {
    this.keepDraft();
  },

  onUnload() {
    this.keepDraft();
  },

  /** Keeps what was typed for the next visit of this form, unless it was sent or nothing was typed. */
  keepDraft() {
    if (this.submitted) return;
    const { privacy: _privacy, crossBorder: _crossBorder, sectors, ...texts } = this.data.form;
    const typed = sectors.length > 0 || Object.values(texts).some((value) => value.trim() !== '');
    if (typed) saveDraft(this.data.kind, this.data.form, this.requestId);
    else clearDraft(this.data.kind);
  },

  counter(message: string) {
    const count = charCount(message);
    return {
      messageCounter: t('enquiry.form.counter', { count, max: MESSAGE_MAX_CHARS }),
      messageTooLong: count > MESSAGE_MAX_CHARS,
    };
  },

  /** Re-checks `fields` that show their message, against the current form. */
  revalidate(form: EnquiryDraft, fields: readonly FieldName[]): Partial<Record<string, string>> {
    const update: Partial<Record<string, string>> = {};
    const errors = validateAll(form, this.data.kind);
    for (const field of fields) {
      if (this.touched[field]) update[`errors.${field}`] = errors[field];
    }
    return update;
  },

  /** Email, phone and WeChat ID share the rule that one of them is needed; the visit's dates go together. */
  relatedFields(field: FieldName): readonly FieldName[] {
    if (REACH_FIELDS.includes(field)) return REACH_FIELDS;
    if (field === 'visitFrom' || field === 'visitTo') return ['visitFrom', 'visitTo'];
    return [field];
  },

  /** Sets `changes` on the form, with the counter and the messages of the fields they touch. */
  change(changes: Partial<EnquiryDraft>, mark = false) {
    const form = { ...this.data.form, ...changes };
    const fields = Object.keys(changes) as FieldName[];
    if (mark) for (const field of fields) this.touched[field] = true;
    const update: Record<string, unknown> = {};
    for (const field of fields) update[`form.${field}`] = changes[field];
    const related = [...new Set(fields.flatMap((field) => this.relatedFields(field)))];
    this.setData({
      ...update,
      ...('message' in changes ? this.counter(form.message) : {}),
      ...this.revalidate(form, related),
    });
  },

  onInput(event: FieldEvent) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    this.change({ [field]: String(event.detail.value ?? '') });
  },

  onBlur(event: FieldEvent) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    this.touched[field] = true;
    // The cursor left the field it was put in: a later failed submit may focus it again.
    const focus = this.data.focusField === field ? { focusField: '' } : {};
    this.setData({ ...focus, ...this.revalidate(this.data.form, this.relatedFields(field)) });
  },

  onTopicChange(event: FieldEvent) {
    this.change({ topic: String(event.detail.value ?? '') }, true);
  },

  onDateChange(event: FieldEvent) {
    const field = event.currentTarget.dataset.field;
    if (field !== 'visitFrom' && field !== 'visitTo') return;
    this.change({ [field]: String(event.detail.value ?? '') }, true);
  },

  onSectorsChange(event: FieldEvent) {
    const value = event.detail.value;
    this.change({ sectors: Array.isArray(value) ? value.map(String) : [] }, true);
  },

  onConsentChange(event: FieldEvent) {
    const field = event.currentTarget.dataset.field;
    if (field !== 'privacy' && field !== 'crossBorder') return;
    this.change({ [field]: Boolean(event.detail.checked) }, true);
  },

  /** Fills the contact fields with last time's details. */
  onUseLastContact() {
    const contact = this.offered;
    if (!contact) return;
    this.offered = null;
    this.setData({ lastContact: '' });
    this.change(contact);
  },

  /** Every field's message for `form`, by the server's rules. */
  findErrors(form: EnquiryDraft): Partial<FieldErrors> {
    return validateAll(form, this.data.kind);
  },

  onOpenPrivacy() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryPrivacy) });
  },

  /** Brings the first field with a message into view and, where it takes text, the cursor into it. */
  showFirstError(errors: Partial<FieldErrors>) {
    const field = firstError(errors);
    if (!field) return;
    wx.pageScrollTo({
      selector: `#row-${field}`,
      offsetTop: -SCROLL_MARGIN_PX,
      duration: SCROLL_DURATION_MS,
    });
    this.setData({ focusField: field });
  },

  async onSubmit() {
    if (this.data.sending) return;
    const form = this.data.form;
    const errors = this.findErrors(form);
    for (const field of FIELD_NAMES) this.touched[field] = true;
    if (hasErrors(errors)) {
      this.setData({ errors: { ...NO_ERRORS, ...errors }, focusField: '' });
      this.showFirstError(errors);
      wx.showToast({ title: t('enquiry.form.fixErrors'), icon: 'none' });
      return;
    }

    this.setData({ sending: true, errors: { ...NO_ERRORS } });
    try {
      const result = await submit(toSubmitInput(form, this.requestId, this.data.kind));
      // This fill is done: should the user come back to the form, that is a new enquiry.
      this.submitted = true;
      this.requestId = createRequestId();
      clearDraft(this.data.kind);
      saveLastContact(contactOf(form));
      wx.redirectTo({
        url: pageUrl(ROUTES.enquirySuccess, { id: result.id, ref: result.ref, status: result.status }),
      });
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.setData({ sending: false });
    }
  },

  /** Field messages from the server go to their fields; anything else is a toast. */
  showFailure(error: unknown) {
    if (!(error instanceof ServiceError)) {
      wx.showToast({ title: t('errors.INTERNAL'), icon: 'none' });
      return;
    }
    const fields: Partial<FieldErrors> = {};
    for (const [key, message] of Object.entries(error.fields)) {
      const field = fieldOfServerKey(key);
      if (field && !fields[field]) fields[field] = message;
    }
    if (hasErrors(fields)) {
      const update: Record<string, string> = { focusField: '' };
      for (const [field, message] of Object.entries(fields)) update[`errors.${field}`] = message;
      this.setData(update);
      this.showFirstError(fields);
      wx.showToast({ title: t('enquiry.form.fixErrors'), icon: 'none' });
      return;
    }
    wx.showToast({ title: error.message, icon: 'none' });
  },
});
