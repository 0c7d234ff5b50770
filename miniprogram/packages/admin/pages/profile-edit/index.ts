import type { ProfileEditable, ProfileSaveInput } from '../../../../contract/api/admin';
import type { GeoPoint, SocialProfile } from '../../../../contract/models';
import { profileSave as profileSaveRule } from '../../../../contract/rules';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { checked } from '../../../../utils/validate';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, ruleTexts, t, type MessageKey } from '../../i18n/index';
import { profileGet, profileSave } from '../../services/admin';
import { errorMessage, isForbidden, placeFieldErrors } from '../../utils/errors';
import { dateTime } from '../../utils/format';
import { onRetry } from '../../../../utils/page-kit';

/**
 * The region profile's editable texts and contact details, one part at a time (a tab each): each
 * part is saved whole and the public pages show it at once. Paragraphs are written as one text
 * with an empty line between them; the postal address one line each.
 */

type Part = keyof ProfileSaveInput;
type TextPart = Exclude<Part, 'keyFacts'>;

const PARTS: readonly Part[] = [
  'intro',
  'keyFacts',
  'internationalOffice',
  'representativeOffice',
  'contact',
];

/** How a value is written in its box: as it is, paragraphs apart by an empty line, or one per line. */
type Shape = 'text' | 'paragraphs' | 'lines';

interface FieldSpec {
  /** The function's key, e.g. `contact.mobile.dial`. */
  path: string;
  label: MessageKey;
  shape?: Shape;
  multiline?: boolean;
  hint?: MessageKey;
  /** A heading shown above the field, starting a group. */
  heading?: MessageKey;
}

interface FieldView {
  path: string;
  /** The path as a WXML-safe key, matching where the function's messages are placed. */
  key: string;
  label: string;
  value: string;
  multiline: boolean;
  hint: string;
  heading: string;
  error: string;
}

interface FactRow {
  label: string;
  value: string;
  labelError: string;
  valueError: string;
}

const social = (name: 'linkedin' | 'wechat', heading: MessageKey): FieldSpec[] => [
  { path: `contact.${name}.platform`, label: 'profile.platform', heading },
  { path: `contact.${name}.description`, label: 'profile.platformDescription', multiline: true },
  { path: `contact.${name}.url`, label: 'profile.url' },
  { path: `contact.${name}.accountName`, label: 'profile.accountName' },
];

/** A part written as a title and its paragraphs. */
const titledParagraphs = (part: 'intro' | 'representativeOffice'): FieldSpec[] => [
  { path: `${part}.title`, label: 'profile.sectionTitle' },
  {
    path: `${part}.paragraphs`,
    label: 'profile.paragraphs',
    shape: 'paragraphs',
    hint: 'profile.paragraphsHint',
  },
];

const FIELDS: Record<TextPart, FieldSpec[]> = {
  intro: titledParagraphs('intro'),
  internationalOffice: [
    { path: 'internationalOffice.name', label: 'profile.officeName' },
    { path: 'internationalOffice.nameOriginal', label: 'profile.officeNameOriginal' },
    { path: 'internationalOffice.location', label: 'profile.officeLocation' },
    { path: 'internationalOffice.description', label: 'profile.officeDescription', multiline: true },
  ],
  representativeOffice: titledParagraphs('representativeOffice'),
  contact: [
    { path: 'contact.name', label: 'profile.name' },
    { path: 'contact.salutation', label: 'profile.salutation' },
    { path: 'contact.title', label: 'profile.jobTitle' },
    { path: 'contact.titleOriginal', label: 'profile.jobTitleOriginal' },
    { path: 'contact.email', label: 'profile.email' },
    { path: 'contact.mobile.display', label: 'profile.phoneDisplay' },
    { path: 'contact.mobile.dial', label: 'profile.phoneDial' },
    { path: 'contact.address.linesOriginal', label: 'profile.addressLines', shape: 'lines' },
    { path: 'contact.address.zh', label: 'profile.addressZh' },
    { path: 'contact.location.latitude', label: 'profile.latitude', hint: 'profile.locationHint' },
    { path: 'contact.location.longitude', label: 'profile.longitude' },
    ...social('linkedin', 'profile.linkedin'),
    ...social('wechat', 'profile.wechat'),
  ],
};

const keyOf = (path: string) => path.replace(/\./g, '_');

function valueAt(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** The box's text for a stored value. */
function written(value: unknown, shape: Shape): string {
  if (Array.isArray(value)) return value.join(shape === 'lines' ? '\n' : '\n\n');
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

/**
 * The office's coordinates from their two boxes; both empty means none. A box that is not a number
 * becomes NaN, which travels as null, and the function answers that field's message.
 */
function locationOf(latitude: string, longitude: string): GeoPoint | undefined {
  if (!latitude.trim() && !longitude.trim()) return undefined;
  const number = (text: string) => (text.trim() ? Number(text) : Number.NaN);
  return { latitude: number(latitude), longitude: number(longitude) };
}

/** The stored value for a box's text. */
function parsed(text: string, shape: Shape): string | string[] {
  if (shape === 'text') return text;
  const pieces = shape === 'lines' ? text.split('\n') : text.split(/\n\s*\n/);
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}

function socialOf(values: Record<string, string>, name: 'linkedin' | 'wechat'): SocialProfile {
  const at = (field: string) => values[`contact.${name}.${field}`] ?? '';
  return {
    platform: at('platform'),
    description: at('description'),
    ...(at('url').trim() ? { url: at('url') } : {}),
    ...(at('accountName').trim() ? { accountName: at('accountName') } : {}),
  };
}

const LABELS = {
  addFact: 'profile.addFact',
  removeFact: 'profile.removeFact',
  factLabel: 'profile.factLabel',
  factValue: 'profile.factValue',
  save: 'profile.save',
} as const;

Page({
  data: {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    tabs: [] as { value: Part; label: string }[],
    active: 'intro' as Part,
    fields: [] as FieldView[],
    facts: [] as FactRow[],
    updatedAt: '',
    saving: false,
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  /** Every text field's current text, by path, across all parts (the page shows one part). */
  values: {} as Record<string, string>,

  onLoad() {
    refreshLang();
    wx.setNavigationBarTitle({ title: t('profile.title') });
    this.setData({
      pageStyle: fontScaleStyle(),
      tabs: PARTS.map((value) => ({ value, label: t(`profile.${value}`) })),
      labels: labelsOf(LABELS),
    });
    return this.load();
  },

  onRetry,

  async load() {
    try {
      const profile = await profileGet();
      this.values = {};
      for (const spec of Object.values(FIELDS).flat()) {
        this.values[spec.path] = written(valueAt(profile, spec.path), spec.shape ?? 'text');
      }
      this.setData({
        status: 'ready',
        errorMessage: '',
        facts: profile.keyFacts.map((fact) => ({ ...fact, labelError: '', valueError: '' })),
        updatedAt: this.updatedLine(profile),
        fields: this.fieldsOf(this.data.active),
      });
    } catch (error) {
      if (isForbidden(error)) this.setData({ status: 'forbidden' });
      else this.setData({ status: 'error', errorMessage: errorMessage(error) });
    }
  },

  updatedLine(profile: Pick<ProfileEditable, 'updatedAt'>): string {
    return t('profile.updatedAt', { time: dateTime(profile.updatedAt) });
  },

  fieldsOf(part: Part): FieldView[] {
    if (part === 'keyFacts') return [];
    return FIELDS[part].map((spec) => ({
      path: spec.path,
      key: keyOf(spec.path),
      label: t(spec.label),
      value: this.values[spec.path] ?? '',
      multiline: Boolean(spec.multiline) || spec.shape === 'paragraphs' || spec.shape === 'lines',
      hint: spec.hint ? t(spec.hint) : '',
      heading: spec.heading ? t(spec.heading) : '',
      error: '',
    }));
  },

  onTabChange(event: WechatMiniprogram.CustomEvent<{ value: Part }>) {
    const part = event.detail.value;
    if (part === this.data.active) return;
    this.setData({ active: part, fields: this.fieldsOf(part) });
  },

  onField(
    event: WechatMiniprogram.CustomEvent<{ value?: string }, Record<string, never>, { index?: number }>,
  ) {
    const index = Number(event.currentTarget.dataset.index);
    const field = this.data.fields[index];
    if (!field) return;
    const value = String(event.detail.value ?? '');
    this.values[field.path] = value;
    this.setData({ [`fields[${index}].value`]: value, [`fields[${index}].error`]: '' });
  },

  onFact(
    event: WechatMiniprogram.CustomEvent<
      { value?: string },
      Record<string, never>,
      { index?: number; part?: 'label' | 'value' }
    >,
  ) {
    const { index, part } = event.currentTarget.dataset;
    if (index === undefined || !part) return;
    this.setData({
      [`facts[${index}].${part}`]: String(event.detail.value ?? ''),
      [`facts[${index}].${part}Error`]: '',
    });
  },

  onAddFact() {
    this.setData({ facts: [...this.data.facts, { label: '', value: '', labelError: '', valueError: '' }] });
  },

  onRemoveFact(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    this.setData({ facts: this.data.facts.filter((_, i) => i !== index) });
  },

  /** The visible part, as `profile.save` takes it. */
  inputOf(part: Part): ProfileSaveInput {
    const v = this.values;
    const at = (path: string) => v[path] ?? '';
    const paragraphs = (path: string) => parsed(at(path), 'paragraphs') as string[];
    switch (part) {
      case 'intro':
      case 'representativeOffice':
        return { [part]: { title: at(`${part}.title`), paragraphs: paragraphs(`${part}.paragraphs`) } };
      case 'keyFacts':
        return { keyFacts: this.data.facts.map(({ label, value }) => ({ label, value })) };
      case 'internationalOffice':
        return {
          internationalOffice: {
            name: at('internationalOffice.name'),
            nameOriginal: at('internationalOffice.nameOriginal'),
            location: at('internationalOffice.location'),
            description: at('internationalOffice.description'),
          },
        };
      case 'contact': {
        const location = locationOf(at('contact.location.latitude'), at('contact.location.longitude'));
        return {
          contact: {
            name: at('contact.name'),
            salutation: at('contact.salutation'),
            title: at('contact.title'),
            titleOriginal: at('contact.titleOriginal'),
            email: at('contact.email'),
            mobile: { display: at('contact.mobile.display'), dial: at('contact.mobile.dial') },
            address: {
              linesOriginal: parsed(at('contact.address.linesOriginal'), 'lines') as string[],
              zh: at('contact.address.zh'),
            },
            linkedin: socialOf(v, 'linkedin'),
            wechat: socialOf(v, 'wechat'),
            ...(location ? { location } : {}),
          },
        };
      }
    }
  },

  async onSave() {
    if (this.data.saving) return;
    const part = this.data.active;
    this.setData({ saving: true });
    try {
      // Checked by the function's own rules first: messages in the staff's language, no round trip.
      const result = await profileSave(checked(profileSaveRule, this.inputOf(part), ruleTexts()));
      this.setData({ updatedAt: this.updatedLine(result) });
      wx.showToast({ title: t('profile.saved'), icon: 'none' });
    } catch (error) {
      this.showFailure(error, part);
    } finally {
      this.setData({ saving: false });
    }
  },

  /** The function's field messages at their boxes (key facts by row), anything else as a toast. */
  showFailure(error: unknown, part: Part) {
    const known =
      part === 'keyFacts'
        ? this.data.facts.flatMap((_, i) => [`keyFacts_${i}_label`, `keyFacts_${i}_value`, 'keyFacts'])
        : this.data.fields.map((field) => field.key);
    const { fields, unplaced } = placeFieldErrors(error, known);
    const update: Record<string, string> = {};
    if (part === 'keyFacts') {
      for (const [key, message] of Object.entries(fields)) {
        const match = /^keyFacts_(\d+)_(label|value)$/.exec(key);
        if (match) update[`facts[${match[1]}].${match[2]}Error`] = message;
        else unplaced.push(message);
      }
    } else {
      this.data.fields.forEach((field, index) => {
        update[`fields[${index}].error`] = fields[field.key] ?? '';
      });
    }
    this.setData(update);
    const placed = Object.values(update).some(Boolean);
    wx.showToast({
      title: unplaced[0] ?? (placed ? t('common.fixFields') : errorMessage(error)),
      icon: 'none',
    });
  },
});
