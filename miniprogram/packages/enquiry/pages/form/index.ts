import { t } from '../../../../i18n/index';
import { ServiceError } from '../../../../services/cloud';
import { submit } from '../../../../services/enquiry';
import { ENQUIRY_TOPICS } from '../../../../contract/constants';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { createRequestId } from '../../../../utils/request-id';
import { pageUrl, ROUTES } from '../../../../utils/routes';
import {
  charCount,
  FIELD_NAMES,
  fieldOfServerKey,
  hasErrors,
  isTopic,
  MESSAGE_MAX_CHARS,
  toSubmitInput,
  validateAll,
  validateField,
  type EnquiryDraft,
  type FieldErrors,
  type FieldName,
} from './validation';

/**
 * 在线咨询: the enquiry form. Fields are checked as the user leaves them (and again on every change
 * once flagged) by the same rules as the server, and all of them on submit, before anything is sent.
 * One `requestId` per form fill, kept across failed attempts, so a retry never stores a second
 * enquiry. Opened with `?topic=…&message=…` to preset the topic and the message.
 */

const EMPTY_DRAFT: EnquiryDraft = {
  name: '',
  organization: '',
  title: '',
  email: '',
  phone: '',
  topic: '',
  message: '',
  privacy: false,
  crossBorder: false,
};

const NO_ERRORS = Object.fromEntries(FIELD_NAMES.map((field) => [field, ''])) as FieldErrors;

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
  intro: t('enquiry.form.intro'),
  sectionContact: t('enquiry.form.sectionContact'),
  sectionEnquiry: t('enquiry.form.sectionEnquiry'),
  sectionConsent: t('enquiry.form.sectionConsent'),
  name: t('enquiry.form.name'),
  organization: t('enquiry.form.organization'),
  title: t('enquiry.form.title'),
  email: t('enquiry.form.email'),
  phone: t('enquiry.form.phone'),
  topic: t('enquiry.form.topic'),
  message: t('enquiry.form.message'),
  namePlaceholder: t('enquiry.form.namePlaceholder'),
  organizationPlaceholder: t('enquiry.form.organizationPlaceholder'),
  titlePlaceholder: t('enquiry.form.titlePlaceholder'),
  emailPlaceholder: t('enquiry.form.emailPlaceholder'),
  phonePlaceholder: t('enquiry.form.phonePlaceholder'),
  messagePlaceholder: t('enquiry.form.messagePlaceholder'),
  contactHint: t('enquiry.form.contactHint'),
  consentPrivacy: t('enquiry.form.consentPrivacy'),
  readPrivacy: t('enquiry.form.readPrivacy'),
  consentCrossBorder: t('enquiry.form.consentCrossBorder'),
  submit: t('enquiry.form.submit'),
};

Page({
  data: {
    pageStyle: '',
    form: { ...EMPTY_DRAFT },
    errors: { ...NO_ERRORS },
    messageCounter: t('enquiry.form.counter', { count: 0, max: MESSAGE_MAX_CHARS }),
    messageTooLong: false,
    sending: false,
    topics: ENQUIRY_TOPICS.map((value) => ({ value, label: t(`enquiry.topics.${value}`) })),
    labels,
  },

  /** The idempotency key of this form fill. */
  requestId: '',
  /** Fields whose message is shown: left once, changed (choices) or submitted. */
  touched: {} as Partial<Record<FieldName, boolean>>,

  onLoad(query: Record<string, string | undefined>) {
    this.requestId = createRequestId();
    this.touched = {};
    const topic = decodeQueryValue(query.topic);
    const message = decodeQueryValue(query.message);
    const form: EnquiryDraft = { ...EMPTY_DRAFT, topic: isTopic(topic) ? topic : '', message };
    this.setData({ pageStyle: fontScaleStyle(), form, ...this.counter(message) });
  },

  counter(message: string) {
    const count = charCount(message);
    return {
      messageCounter: t('enquiry.form.counter', { count, max: MESSAGE_MAX_CHARS }),
      messageTooLong: count > MESSAGE_MAX_CHARS,
    };
  },

  /** Re-checks `fields` that show their message, against the current form. */
  revalidate(form: EnquiryDraft, fields: FieldName[]): Partial<Record<string, string>> {
    const update: Partial<Record<string, string>> = {};
    for (const field of fields) {
      if (this.touched[field]) update[`errors.${field}`] = validateField(form, field);
    }
    return update;
  },

  /** Email and phone share the rule that one of them is needed. */
  relatedFields(field: FieldName): FieldName[] {
    if (field === 'email') return ['email', 'phone'];
    if (field === 'phone') return ['phone', 'email'];
    return [field];
  },

  onInput(event: FieldEvent) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    const value = String(event.detail.value ?? '');
    const form = { ...this.data.form, [field]: value };
    this.setData({
      [`form.${field}`]: value,
      ...(field === 'message' ? this.counter(value) : {}),
      ...this.revalidate(form, this.relatedFields(field)),
    });
  },

  onBlur(event: FieldEvent) {
    const field = event.currentTarget.dataset.field;
    if (!field) return;
    this.touched[field] = true;
    this.setData(this.revalidate(this.data.form, this.relatedFields(field)));
  },

  onTopicChange(event: FieldEvent) {
    const topic = String(event.detail.value ?? '');
    this.touched.topic = true;
    const form = { ...this.data.form, topic };
    this.setData({ 'form.topic': topic, ...this.revalidate(form, ['topic']) });
  },

  onConsentChange(event: FieldEvent) {
    const field = event.currentTarget.dataset.field;
    if (field !== 'privacy' && field !== 'crossBorder') return;
    const checked = Boolean(event.detail.checked);
    this.touched[field] = true;
    const form = { ...this.data.form, [field]: checked };
    this.setData({ [`form.${field}`]: checked, ...this.revalidate(form, [field]) });
  },

  /** Every field's message for `form`, by the server's rules. */
  findErrors(form: EnquiryDraft): Partial<FieldErrors> {
    return validateAll(form);
  },

  onOpenPrivacy() {
    wx.navigateTo({ url: pageUrl(ROUTES.enquiryPrivacy) });
  },

  async onSubmit() {
    if (this.data.sending) return;
    const form = this.data.form;
    const errors = this.findErrors(form);
    for (const field of FIELD_NAMES) this.touched[field] = true;
    if (hasErrors(errors)) {
      this.setData({ errors: { ...NO_ERRORS, ...errors } });
      wx.showToast({ title: t('enquiry.form.fixErrors'), icon: 'none' });
      return;
    }

    this.setData({ sending: true, errors: { ...NO_ERRORS } });
    try {
      const result = await submit(toSubmitInput(form, this.requestId));
      // This fill is done: should the user come back to the form, that is a new enquiry.
      this.requestId = createRequestId();
      wx.redirectTo({
        url: pageUrl(ROUTES.enquirySuccess, { id: result.id, status: result.status }),
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
    const update: Record<string, string> = {};
    for (const [key, message] of Object.entries(error.fields)) {
      const field = fieldOfServerKey(key);
      if (field && !update[`errors.${field}`]) update[`errors.${field}`] = message;
    }
    if (Object.keys(update).length > 0) {
      this.setData(update);
      wx.showToast({ title: t('enquiry.form.fixErrors'), icon: 'none' });
      return;
    }
    wx.showToast({ title: error.message, icon: 'none' });
  },
});
