/**
 * The inbox export as an Excel workbook (.xlsx), in the staff member's language.
 *
 * Why xlsx and not CSV: Excel with Danish settings splits a CSV on `;`, not `,`, and guesses the
 * text encoding; a workbook carries its own cells, types and Unicode text, so it opens the same
 * in every locale and in WPS or Numbers on a phone.
 *
 * Formula safety without apostrophes: every text (names, phone numbers, messages) is written as a
 * string cell (`t="s"`, a shared string). A spreadsheet never evaluates a string cell, so text that
 * starts with `=`, `+`, `-` or `@` stays text as the partner typed it. write-excel-file writes a
 * formula (`<f>`) only for cells of type `'Formula'`, which this module never uses. Phone numbers
 * also get the text format (`@`), so editing such a cell in Excel keeps it text.
 *
 * Times are Danish (Europe/Copenhagen) date cells shown as `2026-12-05 09:30 (CET)`: sortable and
 * filterable as dates, with the zone of each time named.
 *
 * write-excel-file (with its zip writer) is loaded only here, as a chunk of its own
 * (tools/build/functions.ts, LAZY_MODULES), so the other staff actions do not pay for it.
 */
import type { Cell, Row } from 'write-excel-file/node';
import type { Enquiry, StaffLanguage } from '../../../contract/models';
import {
  ENQUIRY_KIND_LABELS_EN,
  STAFF_ENQUIRY_STATUS_LABELS_EN,
  TOPIC_LABELS_EN,
} from '../../../contract/messages.en';
import { ENQUIRY_KIND_LABELS, ENQUIRY_STATUS_LABELS, messages, TOPIC_LABELS } from './i18n';
import { danishTime } from './danish-time';

interface Texts {
  sheet: string;
  officeAuthor: string;
  /** Between the days of a visit. */
  until: string;
  /** Between sectors. */
  listSeparator: string;
  kinds: Record<string, string>;
  topics: Record<string, string>;
  statuses: Record<string, string>;
}

const TEXTS: Record<StaffLanguage, Texts> = {
  zh: {
    sheet: '咨询',
    officeAuthor: messages.officeAuthor,
    until: ' 至 ',
    listSeparator: '、',
    kinds: ENQUIRY_KIND_LABELS,
    topics: TOPIC_LABELS,
    statuses: ENQUIRY_STATUS_LABELS,
  },
  en: {
    sheet: 'Enquiries',
    officeAuthor: 'International Office',
    until: ' – ',
    listSeparator: ', ',
    kinds: ENQUIRY_KIND_LABELS_EN,
    topics: TOPIC_LABELS_EN,
    statuses: STAFF_ENQUIRY_STATUS_LABELS_EN,
  },
};

/** Everything a column needs to write one enquiry's cell. */
interface RowContext {
  texts: Texts;
  /** Staff display names by OPENID, for the notes. */
  names: Map<string, string>;
}

interface Column {
  header: Record<StaffLanguage, string>;
  /** In characters. */
  width: number;
  cell(doc: Enquiry, context: RowContext): Cell;
}

/** A text cell, or an empty one. */
const text = (value: string | undefined): Cell => (value ? { value, type: String } : null);
/** A text cell for text of several lines, wrapped in its column. */
const longText = (value: string | undefined): Cell => (value ? { value, type: String, wrap: true } : null);

/** A Danish time as a date cell whose format names its zone. */
function timeCell(at: Date): Cell {
  const { wallClock, zone } = danishTime(at);
  return { value: wallClock, type: Date, format: `yyyy-mm-dd hh:mm "(${zone})"` };
}

function noteLines(doc: Enquiry, { names, texts }: RowContext): string {
  return (doc.notes ?? [])
    .map((note) => `${danishTime(note.at).text} ${names.get(note.by) ?? texts.officeAuthor}: ${note.text}`)
    .join('\n');
}

/** The columns, in order. */
const COLUMNS: readonly Column[] = [
  { header: { zh: '编号', en: 'ID' }, width: 26, cell: (doc) => text(doc._id) },
  { header: { zh: '参考号', en: 'Reference' }, width: 18, cell: (doc) => text(doc.ref) },
  {
    header: { zh: '类型', en: 'Type' },
    width: 14,
    cell: (doc, { texts }) => text(texts.kinds[doc.kind ?? 'general']),
  },
  { header: { zh: '微信号', en: 'WeChat ID' }, width: 16, cell: (doc) => text(doc.wechatId) },
  {
    header: { zh: '来访日期', en: 'Visit dates' },
    width: 24,
    cell: (doc, { texts }) => text(doc.visit && `${doc.visit.from}${texts.until}${doc.visit.to}`),
  },
  {
    header: { zh: '来访人数', en: 'Group size' },
    width: 10,
    cell: (doc) => (doc.visit ? { value: doc.visit.groupSize, type: Number } : null),
  },
  {
    header: { zh: '关注领域', en: 'Sectors' },
    width: 24,
    cell: (doc, { texts }) =>
      text(
        (doc.visit?.sectors ?? []).map((sector) => texts.topics[sector] ?? sector).join(texts.listSeparator),
      ),
  },
  {
    header: { zh: '希望参访的机构', en: 'Institutions to visit' },
    width: 30,
    cell: (doc) => longText(doc.visit?.institutions),
  },
  {
    header: { zh: '提交时间（丹麦时间）', en: 'Submitted (Danish time)' },
    width: 24,
    cell: (doc) => timeCell(doc.createdAt),
  },
  { header: { zh: '姓名', en: 'Name' }, width: 16, cell: (doc) => text(doc.name) },
  { header: { zh: '单位', en: 'Organisation' }, width: 28, cell: (doc) => text(doc.organization) },
  { header: { zh: '职务', en: 'Job title' }, width: 16, cell: (doc) => text(doc.title) },
  { header: { zh: '邮箱', en: 'E-mail' }, width: 28, cell: (doc) => text(doc.email) },
  {
    header: { zh: '电话', en: 'Phone' },
    width: 20,
    cell: (doc) => (doc.phone ? { value: doc.phone, type: String, format: '@' } : null),
  },
  {
    header: { zh: '类别', en: 'Topic' },
    width: 24,
    cell: (doc, { texts }) => text(texts.topics[doc.topic] ?? doc.topic),
  },
  { header: { zh: '咨询内容', en: 'Message' }, width: 60, cell: (doc) => longText(doc.message) },
  {
    header: { zh: '状态', en: 'Status' },
    width: 14,
    cell: (doc, { texts }) => text(texts.statuses[doc.status] ?? doc.status),
  },
  {
    header: { zh: '备注', en: 'Notes' },
    width: 60,
    cell: (doc, context) => longText(noteLines(doc, context)),
  },
];

/** The column headers in `lang`, in order (the export's first row). */
export function exportHeaders(lang: StaffLanguage): string[] {
  return COLUMNS.map((column) => column.header[lang]);
}

/** The enquiries as one sheet: a bold, frozen header row in `lang`, then one row per enquiry. */
export async function enquiryWorkbook(
  docs: readonly Enquiry[],
  lang: StaffLanguage,
  names: Map<string, string>,
): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const context: RowContext = { texts: TEXTS[lang], names };
  const header: Row = COLUMNS.map((column) => ({ value: column.header[lang], fontWeight: 'bold' }));
  const rows: Row[] = docs.map((doc) => COLUMNS.map((column) => column.cell(doc, context)));
  return writeXlsxFile([header, ...rows], {
    sheet: TEXTS[lang].sheet,
    columns: COLUMNS.map((column) => ({ width: column.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
