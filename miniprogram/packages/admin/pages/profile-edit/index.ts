import type {
  ContactInput,
  DocumentEditable,
  DocumentSaveInput,
  FocusAreaInput,
  ProfileEditable,
  ProfileImages,
  ProfileSaveInput,
  TimelineEntryInput,
} from '../../../../contract/api/admin';
import type { FocusAreaId, GeoPoint, ProfileImage, WechatProfile } from '../../../../contract/models';
import {
  documentSave as documentSaveRule,
  phoneNumberOf,
  profileSave as profileSaveRule,
  TIMELINE_MAX,
} from '../../../../contract/rules';
import { fontScaleStyle } from '../../../../utils/font-scale';
import { onRetry } from '../../../../utils/page-kit';
import { checked } from '../../../../utils/validate';
import type { AdminViewStatus } from '../../components/admin-state/index';
import { labelsOf, refreshLang, ruleTexts, t, type MessageKey } from '../../i18n/index';
import { documentsDelete, documentsList, documentsSave, profileGet, profileSave } from '../../services/admin';
import { chooseAndUploadPdf, chooseAndUploadProfileImage, FileRejected } from '../../services/files';
import { confirmDanger } from '../../utils/confirm';
import { warnBeforeLeaving } from '../../utils/editor';
import { errorMessage, isForbidden, placeFieldErrors } from '../../utils/errors';
import { dateTime, fileSize } from '../../utils/format';

/**
 * Everything public about the region, one part at a time (a tab each): texts, key facts, the
 * timeline, the four focus areas, the offices, the contact card with its place on a map, the MoU
 * documents and the home page's images. Each part is saved whole and the public pages show it at
 * once. Paragraphs are written as one text with an empty line between them; the postal address
 * one line each.
 */

type SavedPart = keyof ProfileSaveInput;
/** The tabs: the profile's parts (the four focus areas as one tab) and the documents. */
type Part = Exclude<SavedPart, 'focusArea'> | 'focusAreas' | 'documents';
/** Parts written as plain text fields. */
type TextPart = 'intro' | 'internationalOffice' | 'representativeOffice' | 'contact' | 'focusAreas';

const PARTS: readonly Part[] = [
  'intro',
  'keyFacts',
  'timeline',
  'focusAreas',
  'internationalOffice',
  'representativeOffice',
  'contact',
  'documents',
  'images',
];

/** How a value is written in its box: as it is, paragraphs apart by an empty line, or one per line. */
type Shape = 'text' | 'paragraphs' | 'lines';

interface FieldSpec {
  /** The function's key, e.g. `contact.phone`. */
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

type TimelineField = keyof TimelineEntryInput;
const TIMELINE_FIELDS: readonly TimelineField[] = ['dateLabel', 'title', 'description'];

interface TimelineRow extends TimelineEntryInput {
  errors: Record<TimelineField, string>;
}

type DocumentField = Exclude<keyof DocumentSaveInput, 'id' | 'file'>;
const DOCUMENT_FIELDS: readonly DocumentField[] = [
  'title',
  'titleOriginal',
  'counterparty',
  'counterpartyOriginal',
  'summary',
  'availability',
];
const DOCUMENT_LABELS: Record<DocumentField, MessageKey> = {
  title: 'profile.documentTitle',
  titleOriginal: 'profile.documentTitleOriginal',
  counterparty: 'profile.counterparty',
  counterpartyOriginal: 'profile.counterpartyOriginal',
  summary: 'profile.documentSummary',
  availability: 'profile.availability',
};

interface DocumentCard extends Omit<DocumentEditable, 'updatedAt'> {
  /** A key for `wx:for`: the id, or a local one until first saved. */
  key: string;
  fileLine: string;
  errors: Record<DocumentField | 'file', string>;
  busy: '' | 'save' | 'delete' | 'upload';
}

type ImageSlot = keyof ProfileImages;
const IMAGE_SLOTS: readonly ImageSlot[] = ['hero', 'logo'];

interface ImageView {
  fileId: string;
  alt: string;
  fileError: string;
  altError: string;
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
  focusAreas: [
    { path: 'focusArea.title', label: 'profile.areaTitle' },
    { path: 'focusArea.titleOriginal', label: 'profile.areaTitleOriginal' },
    { path: 'focusArea.summary', label: 'profile.areaSummary', hint: 'profile.areaSummaryHint' },
    {
      path: 'focusArea.paragraphs',
      label: 'profile.paragraphs',
      shape: 'paragraphs',
      hint: 'profile.paragraphsHint',
    },
  ],
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
    { path: 'contact.phone', label: 'profile.phone', hint: 'profile.phoneHint' },
    { path: 'contact.address.linesOriginal', label: 'profile.addressLines', shape: 'lines' },
    { path: 'contact.address.zh', label: 'profile.addressZh' },
    ...social('linkedin', 'profile.linkedin'),
    ...social('wechat', 'profile.wechat'),
    {
      path: 'contact.wechat.username',
      label: 'profile.officialAccount',
      hint: 'profile.officialAccountHint',
    },
  ],
};

/** Paths read from the profile as it is loaded (focus areas come from the area shown). */
const PROFILE_PATHS = (['intro', 'internationalOffice', 'representativeOffice', 'contact'] as const).flatMap(
  (part) => FIELDS[part],
);

const keyOf = (path: string) => path.replace(/\./g, '_');

function valueAt(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** The box's text for a stored value. */
function written(value: unknown, shape: Shape): string {
  if (Array.isArray(value)) return value.join(shape === 'lines' ? '\n' : '\n\n');
  return typeof value === 'string' ? value : '';
}

/** The stored value for a box's text. */
function parsed(text: string, shape: Shape): string | string[] {
  if (shape === 'text') return text;
  const pieces = shape === 'lines' ? text.split('\n') : text.split(/\n\s*\n/);
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}

const paragraphsOf = (text: string) => parsed(text, 'paragraphs') as string[];

function socialOf(values: Record<string, string>, name: 'linkedin' | 'wechat'): WechatProfile {
  const at = (field: string) => values[`contact.${name}.${field}`] ?? '';
  return {
    platform: at('platform'),
    description: at('description'),
    ...(at('url').trim() ? { url: at('url') } : {}),
    ...(at('accountName').trim() ? { accountName: at('accountName') } : {}),
    ...(name === 'wechat' && at('username').trim() ? { username: at('username') } : {}),
  };
}

const noTimelineErrors = (): Record<TimelineField, string> => ({ dateLabel: '', title: '', description: '' });
const noDocumentErrors = (): DocumentCard['errors'] => ({
  title: '',
  titleOriginal: '',
  counterparty: '',
  counterpartyOriginal: '',
  summary: '',
  availability: '',
  file: '',
});

function fileLine(file: DocumentEditable['file']): string {
  if (!file) return t('profile.noFile');
  return file.sizeBytes > 0 ? `${file.name} · ${fileSize(file.sizeBytes)}` : file.name;
}

function documentCard(doc: DocumentEditable): DocumentCard {
  const { updatedAt: _updatedAt, ...fields } = doc;
  return { ...fields, key: doc.id, fileLine: fileLine(doc.file), errors: noDocumentErrors(), busy: '' };
}

function imageView(image: ProfileImage | undefined): ImageView {
  return { fileId: image?.fileId ?? '', alt: image?.alt ?? '', fileError: '', altError: '' };
}

/** '56.45310, 9.40200': the place as staff can check it. */
function locationLine(location: GeoPoint | null): string {
  if (!location) return t('profile.noLocation');
  return t('profile.locationAt', {
    latitude: location.latitude.toFixed(5),
    longitude: location.longitude.toFixed(5),
  });
}

/** Cancelling the map is the staff member's choice, not an error. */
function cancelled(error: unknown): boolean {
  return /cancel/i.test((error as { errMsg?: string } | undefined)?.errMsg ?? '');
}

const LABELS = {
  addFact: 'profile.addFact',
  removeFact: 'profile.removeFact',
  factLabel: 'profile.factLabel',
  factValue: 'profile.factValue',
  save: 'profile.save',
  dateLabel: 'profile.dateLabel',
  dateLabelHint: 'profile.dateLabelHint',
  entryTitle: 'profile.entryTitle',
  entryDescription: 'profile.entryDescription',
  addEntry: 'profile.addEntry',
  moveUp: 'profile.moveUp',
  moveDown: 'profile.moveDown',
  remove: 'profile.removeFact',
  timelineHint: 'profile.timelineHint',
  location: 'profile.location',
  locationHint: 'profile.locationHint',
  chooseLocation: 'profile.chooseLocation',
  removeLocation: 'profile.removeLocation',
  documentsHint: 'profile.documentsHint',
  addDocument: 'profile.addDocument',
  saveDocument: 'profile.saveDocument',
  deleteDocument: 'profile.deleteDocument',
  uploadPdf: 'profile.uploadPdf',
  removeFile: 'profile.removeFile',
  uploading: 'upload.uploading',
  hero: 'profile.heroImage',
  heroHint: 'profile.heroHint',
  logo: 'profile.logo',
  logoHint: 'profile.logoHint',
  imageAlt: 'profile.imageAlt',
  chooseImage: 'upload.choose',
  replaceImage: 'upload.replace',
  removeImage: 'upload.remove',
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
    timeline: [] as TimelineRow[],
    canAddEntry: true,
    areas: [] as { id: FocusAreaId; label: string }[],
    areaId: 'business' as FocusAreaId,
    location: null as GeoPoint | null,
    locationLine: '',
    documents: [] as DocumentCard[],
    images: { hero: imageView(undefined), logo: imageView(undefined) } as Record<ImageSlot, ImageView>,
    uploadingImage: '' as '' | ImageSlot,
    documentFields: [] as { field: DocumentField; label: string; multiline: boolean }[],
    updatedAt: '',
    saving: false,
    labels: {} as Record<keyof typeof LABELS, string>,
  },

  /** Every text field's current text, by path (the page shows one part, or one focus area). */
  values: {} as Record<string, string>,
  /** The four focus areas as edited so far; the one shown lives in `values` while shown. */
  focusAreas: [] as FocusAreaInput[],
  /** Parts with changes not saved yet (documents count by card). */
  unsaved: new Set<string>(),
  /** Numbers new document cards until they are saved. */
  newCards: 0,

  onLoad() {
    refreshLang();
    wx.setNavigationBarTitle({ title: t('profile.title') });
    this.setData({
      pageStyle: fontScaleStyle(),
      tabs: PARTS.map((value) => ({ value, label: t(`profile.${value}`) })),
      labels: labelsOf(LABELS),
      documentFields: DOCUMENT_FIELDS.map((field) => ({
        field,
        label: t(DOCUMENT_LABELS[field]),
        multiline: field === 'summary',
      })),
    });
    return this.load();
  },

  onRetry,

  async load() {
    try {
      const [profile, { items }] = await Promise.all([profileGet(), documentsList()]);
      this.values = {};
      for (const spec of PROFILE_PATHS) {
        this.values[spec.path] = written(valueAt(profile, spec.path), spec.shape ?? 'text');
      }
      this.focusAreas = profile.focusAreas;
      const first = profile.focusAreas[0]?.id ?? 'business';
      this.showArea(first);
      this.setData({
        status: 'ready',
        errorMessage: '',
        facts: profile.keyFacts.map((fact) => ({ ...fact, labelError: '', valueError: '' })),
        timeline: profile.timeline.map((entry) => ({ ...entry, errors: noTimelineErrors() })),
        canAddEntry: profile.timeline.length < TIMELINE_MAX,
        areas: profile.focusAreas.map((area) => ({ id: area.id, label: area.title })),
        areaId: first,
        location: profile.contact.location ?? null,
        locationLine: locationLine(profile.contact.location ?? null),
        documents: items.map(documentCard),
        images: { hero: imageView(profile.images.hero), logo: imageView(profile.images.logo) },
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

  changed(part: string) {
    this.unsaved.add(part);
    warnBeforeLeaving(true);
  },

  saved(part: string) {
    this.unsaved.delete(part);
    warnBeforeLeaving(this.unsaved.size > 0);
  },

  fieldsOf(part: Part): FieldView[] {
    if (!(part in FIELDS)) return [];
    return FIELDS[part as TextPart].map((spec) => ({
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
    this.changed(this.data.active === 'focusAreas' ? `focusArea.${this.data.areaId}` : this.data.active);
    this.setData({ [`fields[${index}].value`]: value, [`fields[${index}].error`]: '' });
  },

  // ---- key facts ---------------------------------------------------------------------------

  onFact(
    event: WechatMiniprogram.CustomEvent<
      { value?: string },
      Record<string, never>,
      { index?: number; part?: 'label' | 'value' }
    >,
  ) {
    const { index, part } = event.currentTarget.dataset;
    if (index === undefined || !part) return;
    this.changed('keyFacts');
    this.setData({
      [`facts[${index}].${part}`]: String(event.detail.value ?? ''),
      [`facts[${index}].${part}Error`]: '',
    });
  },

  onAddFact() {
    this.changed('keyFacts');
    this.setData({ facts: [...this.data.facts, { label: '', value: '', labelError: '', valueError: '' }] });
  },

  onRemoveFact(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    this.changed('keyFacts');
    this.setData({ facts: this.data.facts.filter((_, i) => i !== index) });
  },

  // ---- timeline ----------------------------------------------------------------------------

  onEntry(
    event: WechatMiniprogram.CustomEvent<
      { value?: string },
      Record<string, never>,
      { index?: number; field?: TimelineField }
    >,
  ) {
    const { index, field } = event.currentTarget.dataset;
    if (index === undefined || !field) return;
    this.changed('timeline');
    this.setData({
      [`timeline[${index}].${field}`]: String(event.detail.value ?? ''),
      [`timeline[${index}].errors.${field}`]: '',
    });
  },

  onAddEntry() {
    if (this.data.timeline.length >= TIMELINE_MAX) return;
    const timeline = [
      ...this.data.timeline,
      { dateLabel: '', title: '', description: '', errors: noTimelineErrors() },
    ];
    this.changed('timeline');
    this.setData({ timeline, canAddEntry: timeline.length < TIMELINE_MAX });
  },

  /** Moves an entry one place up (`data-step="-1"`) or down (`1`): readers see the order staff give. */
  onMoveEntry(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number; step?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const target = index + Number(event.currentTarget.dataset.step);
    const timeline = [...this.data.timeline];
    const [moved] = timeline.splice(index, 1);
    if (!moved || target < 0 || target > timeline.length) return;
    timeline.splice(target, 0, moved);
    this.changed('timeline');
    this.setData({ timeline });
  },

  onRemoveEntry(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const timeline = this.data.timeline.filter((_, i) => i !== index);
    this.changed('timeline');
    this.setData({ timeline, canAddEntry: timeline.length < TIMELINE_MAX });
  },

  // ---- focus areas -------------------------------------------------------------------------

  /** Puts an area's texts in the boxes. */
  showArea(id: FocusAreaId) {
    const area = this.focusAreas.find((item: FocusAreaInput) => item.id === id);
    if (!area) return;
    for (const spec of FIELDS.focusAreas) {
      const field = spec.path.slice('focusArea.'.length) as keyof FocusAreaInput;
      this.values[spec.path] = written(area[field], spec.shape ?? 'text');
    }
  },

  /** The shown area's texts as `profile.save` takes them. */
  areaInput(): FocusAreaInput {
    const at = (field: string) => this.values[`focusArea.${field}`] ?? '';
    return {
      id: this.data.areaId,
      title: at('title'),
      titleOriginal: at('titleOriginal'),
      summary: at('summary'),
      paragraphs: paragraphsOf(at('paragraphs')),
    };
  },

  onAreaChange(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: FocusAreaId }>) {
    const id = event.currentTarget.dataset.id;
    if (!id || id === this.data.areaId) return;
    // Keep what was typed for the area left, to save later.
    const typed = this.areaInput();
    this.focusAreas = this.focusAreas.map((area: FocusAreaInput) => (area.id === typed.id ? typed : area));
    this.showArea(id);
    this.setData({ areaId: id, fields: this.fieldsOf('focusAreas') });
  },

  // ---- contact: the office on a map ---------------------------------------------------------

  /** Staff pick the office on WeChat's map; the contact page offers that map to readers once saved. */
  async onChooseLocation() {
    const current = this.data.location;
    try {
      const place = await wx.chooseLocation(current ? { ...current } : {});
      const location = { latitude: place.latitude, longitude: place.longitude };
      this.changed('contact');
      this.setData({ location, locationLine: locationLine(location) });
    } catch (error) {
      if (!cancelled(error)) wx.showToast({ title: t('profile.locationFailed'), icon: 'none' });
    }
  },

  onRemoveLocation() {
    this.changed('contact');
    this.setData({ location: null, locationLine: locationLine(null) });
  },

  // ---- images ------------------------------------------------------------------------------

  async onChooseImage(event: WechatMiniprogram.BaseEvent<Record<string, never>, { slot?: ImageSlot }>) {
    const slot = event.currentTarget.dataset.slot;
    if (!slot || this.data.uploadingImage) return;
    this.setData({ uploadingImage: slot, [`images.${slot}.fileError`]: '' });
    try {
      const fileId = await chooseAndUploadProfileImage();
      if (fileId) {
        this.changed('images');
        this.setData({ [`images.${slot}.fileId`]: fileId });
      }
    } catch (error) {
      this.setData({
        [`images.${slot}.fileError`]: error instanceof FileRejected ? error.message : t('upload.failed'),
      });
    } finally {
      this.setData({ uploadingImage: '' });
    }
  },

  onRemoveImage(event: WechatMiniprogram.BaseEvent<Record<string, never>, { slot?: ImageSlot }>) {
    const slot = event.currentTarget.dataset.slot;
    if (!slot) return;
    this.changed('images');
    this.setData({ [`images.${slot}`]: imageView(undefined) });
  },

  onImageAlt(
    event: WechatMiniprogram.CustomEvent<{ value?: string }, Record<string, never>, { slot?: ImageSlot }>,
  ) {
    const slot = event.currentTarget.dataset.slot;
    if (!slot) return;
    this.changed('images');
    this.setData({
      [`images.${slot}.alt`]: String(event.detail.value ?? ''),
      [`images.${slot}.altError`]: '',
    });
  },

  // ---- saving a part -----------------------------------------------------------------------

  /** The visible part, as `profile.save` takes it. */
  inputOf(part: Exclude<Part, 'documents'>): ProfileSaveInput {
    const v = this.values;
    const at = (path: string) => v[path] ?? '';
    switch (part) {
      case 'intro':
      case 'representativeOffice':
        return { [part]: { title: at(`${part}.title`), paragraphs: paragraphsOf(at(`${part}.paragraphs`)) } };
      case 'keyFacts':
        return { keyFacts: this.data.facts.map(({ label, value }) => ({ label, value })) };
      case 'timeline':
        return {
          timeline: this.data.timeline.map(({ dateLabel, title, description }) => ({
            dateLabel,
            title,
            description,
          })),
        };
      case 'focusAreas':
        return { focusArea: this.areaInput() };
      case 'internationalOffice':
        return {
          internationalOffice: {
            name: at('internationalOffice.name'),
            nameOriginal: at('internationalOffice.nameOriginal'),
            location: at('internationalOffice.location'),
            description: at('internationalOffice.description'),
          },
        };
      case 'images': {
        const images: ProfileImages = {};
        for (const slot of IMAGE_SLOTS) {
          const { fileId, alt } = this.data.images[slot];
          if (fileId) images[slot] = { fileId, alt };
        }
        return { images };
      }
      case 'contact': {
        const { location } = this.data;
        const contact: ContactInput = {
          name: at('contact.name'),
          salutation: at('contact.salutation'),
          title: at('contact.title'),
          titleOriginal: at('contact.titleOriginal'),
          email: at('contact.email'),
          phone: at('contact.phone'),
          address: {
            linesOriginal: parsed(at('contact.address.linesOriginal'), 'lines') as string[],
            zh: at('contact.address.zh'),
          },
          linkedin: socialOf(v, 'linkedin'),
          wechat: socialOf(v, 'wechat'),
          ...(location ? { location } : {}),
        };
        return { contact };
      }
    }
  },

  async onSave() {
    const part = this.data.active;
    if (this.data.saving || part === 'documents') return;
    this.setData({ saving: true });
    try {
      // Checked by the function's own rules first: messages in the staff's language, no round trip.
      const input = checked(profileSaveRule, this.inputOf(part), ruleTexts());
      const result = await profileSave(input);
      this.afterSave(part);
      this.setData({ updatedAt: this.updatedLine(result) });
      wx.showToast({ title: t('profile.saved'), icon: 'none' });
    } catch (error) {
      this.showFailure(error, part);
    } finally {
      this.setData({ saving: false });
    }
  },

  /** What a saved part shows back: the number as readers will see it, the area's new name. */
  afterSave(part: Exclude<Part, 'documents'>) {
    if (part === 'focusAreas') {
      const typed = this.areaInput();
      this.focusAreas = this.focusAreas.map((area: FocusAreaInput) => (area.id === typed.id ? typed : area));
      this.saved(`focusArea.${typed.id}`);
      this.setData({
        areas: this.focusAreas.map((area: FocusAreaInput) => ({ id: area.id, label: area.title })),
      });
      return;
    }
    this.saved(part);
    if (part === 'contact') {
      const number = phoneNumberOf(this.values['contact.phone'] ?? '');
      if (number) {
        this.values['contact.phone'] = number.display;
        this.setData({ fields: this.fieldsOf('contact') });
      }
    }
  },

  /** The function's field messages at their boxes (list parts by row), anything else as a toast. */
  showFailure(error: unknown, part: Part) {
    const update: Record<string, string> = {};
    let unplaced: string[];
    if (part === 'keyFacts' || part === 'timeline' || part === 'images') {
      const known = this.rowKeys(part);
      const placed = placeFieldErrors(error, known);
      unplaced = placed.unplaced;
      for (const [key, message] of Object.entries(placed.fields)) {
        const target = this.rowTarget(part, key);
        if (target) update[target] = message;
        else unplaced.push(message);
      }
    } else {
      const placed = placeFieldErrors(
        error,
        this.data.fields.map((field) => field.key),
      );
      unplaced = placed.unplaced;
      this.data.fields.forEach((field, index) => {
        update[`fields[${index}].error`] = placed.fields[field.key] ?? '';
      });
    }
    this.setData(update);
    const placedAny = Object.values(update).some(Boolean);
    wx.showToast({
      title: unplaced[0] ?? (placedAny ? t('common.fixFields') : errorMessage(error)),
      icon: 'none',
    });
  },

  /** The field keys of a list part, as the function's messages name them. */
  rowKeys(part: 'keyFacts' | 'timeline' | 'images'): string[] {
    switch (part) {
      case 'keyFacts':
        return this.data.facts.flatMap((_, i) => [`keyFacts_${i}_label`, `keyFacts_${i}_value`]);
      case 'timeline':
        return this.data.timeline.flatMap((_, i) => TIMELINE_FIELDS.map((field) => `timeline_${i}_${field}`));
      case 'images':
        return IMAGE_SLOTS.flatMap((slot) => [`images_${slot}_fileId`, `images_${slot}_alt`]);
    }
  },

  /** Where a list part's message shows, as a data path. */
  rowTarget(part: 'keyFacts' | 'timeline' | 'images', key: string): string | null {
    const fact = /^keyFacts_(\d+)_(label|value)$/.exec(key);
    if (part === 'keyFacts' && fact) return `facts[${fact[1]}].${fact[2]}Error`;
    const entry = /^timeline_(\d+)_(\w+)$/.exec(key);
    if (part === 'timeline' && entry) return `timeline[${entry[1]}].errors.${entry[2]}`;
    const image = /^images_(hero|logo)_(fileId|alt)$/.exec(key);
    if (part === 'images' && image)
      return `images.${image[1]}.${image[2] === 'alt' ? 'altError' : 'fileError'}`;
    return null;
  },

  // ---- documents ---------------------------------------------------------------------------

  onAddDocument() {
    this.newCards += 1;
    const card: DocumentCard = {
      id: '',
      key: `new-${this.newCards}`,
      title: '',
      titleOriginal: '',
      counterparty: '',
      counterpartyOriginal: '',
      summary: '',
      // Usually said the same way for every document: start from the last one's wording.
      availability: this.data.documents[this.data.documents.length - 1]?.availability ?? '',
      fileLine: fileLine(undefined),
      errors: noDocumentErrors(),
      busy: '',
    };
    this.changed(card.key);
    this.setData({ documents: [...this.data.documents, card] });
  },

  onDocumentField(
    event: WechatMiniprogram.CustomEvent<
      { value?: string },
      Record<string, never>,
      { index?: number; field?: DocumentField }
    >,
  ) {
    const { index, field } = event.currentTarget.dataset;
    const card = index === undefined ? undefined : this.data.documents[index];
    if (!card || !field) return;
    this.changed(card.key);
    this.setData({
      [`documents[${index}].${field}`]: String(event.detail.value ?? ''),
      [`documents[${index}].errors.${field}`]: '',
    });
  },

  async onDocumentFile(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const card = this.data.documents[index];
    if (!card || card.busy) return;
    this.setData({ [`documents[${index}].busy`]: 'upload', [`documents[${index}].errors.file`]: '' });
    try {
      const file = await chooseAndUploadPdf();
      if (file) {
        this.changed(card.key);
        this.setData({
          [`documents[${index}].file`]: file,
          [`documents[${index}].fileLine`]: fileLine(file),
        });
      }
    } catch (error) {
      this.setData({
        [`documents[${index}].errors.file`]:
          error instanceof FileRejected ? error.message : t('upload.failed'),
      });
    } finally {
      this.setData({ [`documents[${index}].busy`]: '' });
    }
  },

  onRemoveDocumentFile(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const card = this.data.documents[index];
    if (!card) return;
    this.changed(card.key);
    this.setData({
      [`documents[${index}].file`]: null,
      [`documents[${index}].fileLine`]: fileLine(undefined),
    });
  },

  async onSaveDocument(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const card = this.data.documents[index];
    if (!card || card.busy) return;
    const input: DocumentSaveInput = {
      ...(card.id ? { id: card.id } : {}),
      title: card.title,
      titleOriginal: card.titleOriginal,
      counterparty: card.counterparty,
      counterpartyOriginal: card.counterpartyOriginal,
      summary: card.summary,
      availability: card.availability,
      ...(card.file ? { file: card.file } : {}),
    };
    this.setData({
      [`documents[${index}].busy`]: 'save',
      [`documents[${index}].errors`]: noDocumentErrors(),
    });
    try {
      const { id } = await documentsSave(checked(documentSaveRule, input, ruleTexts()));
      this.saved(card.key);
      this.setData({ [`documents[${index}].id`]: id });
      wx.showToast({ title: t('profile.saved'), icon: 'none' });
    } catch (error) {
      const { fields, unplaced } = placeFieldErrors(error, [...DOCUMENT_FIELDS, 'file']);
      const update: Record<string, string> = {};
      for (const [field, message] of Object.entries(fields))
        update[`documents[${index}].errors.${field}`] = message;
      this.setData(update);
      wx.showToast({
        title: unplaced[0] ?? (Object.keys(update).length ? t('common.fixFields') : errorMessage(error)),
        icon: 'none',
      });
    } finally {
      this.setData({ [`documents[${index}].busy`]: '' });
    }
  },

  async onDeleteDocument(event: WechatMiniprogram.BaseEvent<Record<string, never>, { index?: number }>) {
    const index = Number(event.currentTarget.dataset.index);
    const card = this.data.documents[index];
    if (!card || card.busy) return;
    if (!card.id) {
      // Never saved: nothing to delete on the server.
      this.saved(card.key);
      this.setData({ documents: this.data.documents.filter((_, i) => i !== index) });
      return;
    }
    if (!(await confirmDanger(t('profile.deleteDocumentTitle'), t('profile.deleteDocumentConfirm')))) return;
    this.setData({ [`documents[${index}].busy`]: 'delete' });
    try {
      await documentsDelete(card.id);
      this.saved(card.key);
      this.setData({ documents: this.data.documents.filter((item) => item.key !== card.key) });
      wx.showToast({ title: t('profile.documentDeleted'), icon: 'none' });
    } catch (error) {
      this.setData({ [`documents[${index}].busy`]: '' });
      wx.showToast({ title: errorMessage(error), icon: 'none' });
    }
  },
});
