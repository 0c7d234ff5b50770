import { z } from 'zod';
import { ENQUIRY_STATUSES, ENQUIRY_TOPICS, OPPORTUNITY_KINDS } from '../../../contract/constants';
import { cursor, docId, optionalText, text } from '../../_shared/validation';
import { messages } from './i18n';

/** Input schemas of every admin action: strict (unknown keys are INVALID_ARGUMENT), trimmed, typed. */

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const PHONE = /^\+?[0-9][0-9 -]*[0-9]$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;
/** `cloud://<env>.<bucket>/<path>` as `wx.cloud.uploadFile` answers it. */
const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/[^\s?#]+$/;
const IMAGE_FILE = /\.(jpe?g|png|webp)$/i;
const PDF_FILE = /\.pdf$/i;

export const MAX_TAGS = 8;
export const MAX_ATTACHMENTS = 10;
/** Attachments are PDFs of at most 20 MiB (the editor compresses nothing; it refuses larger ones). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** `at` may schedule an item at most this far ahead. */
export const MAX_SCHEDULE_DAYS = 366;
const DAY_MS = 24 * 3600_000;
const MARKDOWN_MAX = 20000;

/** Actions without input accept `{}` only. */
export const emptyInput = z.strictObject({});

const openId = z.string({ error: 'OPENID 格式不正确' }).regex(OPENID, { error: 'OPENID 格式不正确' });

const email = (label: string) =>
  text({ label, max: 254 }).refine((value) => z.email().safeParse(value).success, {
    error: `${label}格式不正确`,
  });

const optionalEmail = (label: string) =>
  optionalText({ label, max: 254 }).refine(
    (value) => value === undefined || z.email().safeParse(value).success,
    { error: `${label}格式不正确` },
  );

const optionalPhone = (label: string) =>
  optionalText({ label, max: 30 }).refine(
    (value) => {
      if (value === undefined) return true;
      const digits = value.replace(/\D/g, '').length;
      return PHONE.test(value) && digits >= 6 && digits <= 20;
    },
    { error: `${label}格式不正确（可含 +、空格和短横线，6–20 位数字）` },
  );

const cloudFileId = (label: string, ext: RegExp, extLabel: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .max(512, { error: `${label}过长` })
    .regex(CLOUD_FILE_ID, { error: `${label}必须是云存储文件（cloud://）` })
    .regex(ext, { error: `${label}必须是 ${extLabel} 文件` });

/** An ISO 8601 date-time with an offset, as `Date.prototype.toISOString` writes it. */
const isoDateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}格式不正确` }).transform((value) => new Date(value));

const markdown = text({ label: '正文', max: MARKDOWN_MAX, multiline: true });

const paragraphs = (label: string) =>
  z
    .array(text({ label, max: 2000, multiline: true }), { error: `${label}格式不正确` })
    .min(1, { error: `请至少填写一段${label}` })
    .max(20, { error: `${label}最多 20 段` });

const section = z.strictObject({
  title: text({ label: '标题', max: 40 }),
  paragraphs: paragraphs('段落'),
});

// ---- staff -------------------------------------------------------------------------------------

export const whoamiInput = emptyInput;
export const staffAddInput = z.strictObject({ openId, name: optionalText({ label: '姓名', max: 30 }) });
export const staffRemoveInput = z.strictObject({ openId });

// ---- news --------------------------------------------------------------------------------------

export const STAFF_NEWS_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;

export const newsListInput = z.strictObject({
  status: z.enum(STAFF_NEWS_STATUSES, { error: '状态不正确' }).optional(),
  cursor: cursor.optional(),
});

export const idInput = z.strictObject({ id: docId });

const tags = z
  .array(text({ label: '标签', max: 20 }), { error: '标签格式不正确' })
  .max(MAX_TAGS, { error: `标签最多 ${MAX_TAGS} 个` })
  .refine((list) => new Set(list).size === list.length, { error: '标签不能重复' })
  .default([]);

export const newsSaveInput = z.strictObject({
  id: docId.optional(),
  title: text({ label: '标题', max: 60 }),
  summary: text({ label: '摘要', max: 200 }),
  body: markdown,
  tags,
  pinned: z.boolean({ error: '置顶格式不正确' }).default(false),
  cover: z
    .strictObject({
      fileId: cloudFileId('封面图片', IMAGE_FILE, 'JPG、PNG 或 WebP'),
      alt: text({ label: '封面说明', max: 100 }),
    })
    .optional(),
});
export type NewsSaveInput = z.output<typeof newsSaveInput>;

export const newsPreviewInput = z.strictObject({ body: markdown });

export const newsPublishInput = z.strictObject({
  id: docId,
  at: isoDateTime('发布时间')
    .refine((at) => at.getTime() <= Date.now() + MAX_SCHEDULE_DAYS * DAY_MS, {
      error: `定时发布最多可提前 ${MAX_SCHEDULE_DAYS} 天`,
    })
    .optional(),
});

// ---- opportunities ---------------------------------------------------------------------------

export const STAFF_OPPORTUNITY_STATUSES = ['draft', 'published', 'archived'] as const;

export const opportunitiesListInput = z.strictObject({
  status: z.enum(STAFF_OPPORTUNITY_STATUSES, { error: '状态不正确' }).optional(),
  kind: z.enum(OPPORTUNITY_KINDS, { error: '类型不正确' }).optional(),
  cursor: cursor.optional(),
});

const attachment = z.strictObject({
  fileId: cloudFileId('附件', PDF_FILE, 'PDF'),
  name: text({ label: '附件名称', max: 100 }).refine((name) => PDF_FILE.test(name), {
    error: '附件必须是 PDF 文件（.pdf）',
  }),
  sizeBytes: z
    .number({ error: '附件大小不正确' })
    .int({ error: '附件大小不正确' })
    .positive({ error: '附件大小不正确' })
    .max(MAX_ATTACHMENT_BYTES, { error: '附件不能超过 20 MB' }),
});

export const opportunitySaveInput = z.strictObject({
  id: docId.optional(),
  kind: z.enum(OPPORTUNITY_KINDS, { error: '请选择类型' }),
  title: text({ label: '标题', max: 60 }),
  summary: text({ label: '摘要', max: 200 }),
  body: markdown,
  open: z.boolean({ error: '开放状态格式不正确' }),
  deadline: isoDateTime('截止日期').optional(),
  attachments: z
    .array(attachment, { error: '附件格式不正确' })
    .max(MAX_ATTACHMENTS, { error: `附件最多 ${MAX_ATTACHMENTS} 个` })
    .default([]),
  contact: z.strictObject({
    name: text({ label: '联系人', max: 50 }),
    title: optionalText({ label: '联系人职务', max: 50 }),
    email: optionalEmail('联系人邮箱'),
    phone: optionalPhone('联系人电话'),
  }),
});
export type OpportunitySaveInput = z.output<typeof opportunitySaveInput>;

// ---- profile -----------------------------------------------------------------------------------

const social = z.strictObject({
  platform: text({ label: '平台名称', max: 30 }),
  description: text({ label: '平台说明', max: 200 }),
  url: z
    .url({ protocol: /^https$/, error: '链接必须以 https:// 开头' })
    .max(500, { error: '链接过长' })
    .optional(),
  accountName: optionalText({ label: '账号名称', max: 50 }),
});

const contact = z.strictObject({
  name: text({ label: '联系人姓名', max: 50 }),
  salutation: text({ label: '称谓', max: 10 }),
  title: text({ label: '职务', max: 50 }),
  titleOriginal: text({ label: '职务原文', max: 100 }),
  email: email('邮箱'),
  mobile: z
    .strictObject({
      display: text({ label: '电话', max: 30 }).refine(
        (value) => PHONE.test(value) && value.startsWith('+'),
        { error: '电话须以 + 和国家区号开头，可含空格和短横线' },
      ),
      dial: z.string({ error: '拨号号码格式不正确' }).regex(E164, {
        error: '拨号号码须为国际格式，如 +4521601445',
      }),
    })
    .refine((mobile) => mobile.display.replace(/\D/g, '') === mobile.dial.replace(/\D/g, ''), {
      error: '显示号码与拨号号码不一致',
      path: ['dial'],
    }),
  address: z.strictObject({
    linesOriginal: z
      .array(text({ label: '地址', max: 100 }), { error: '地址格式不正确' })
      .min(1, { error: '请填写地址' })
      .max(6, { error: '地址最多 6 行' }),
    zh: text({ label: '中文地址', max: 200 }),
  }),
  linkedin: social,
  wechat: social,
  location: z
    .strictObject({
      latitude: z.number({ error: '纬度须为数字' }).min(-90, { error: '纬度须在 -90 到 90 之间' }).max(90, {
        error: '纬度须在 -90 到 90 之间',
      }),
      longitude: z
        .number({ error: '经度须为数字' })
        .min(-180, { error: '经度须在 -180 到 180 之间' })
        .max(180, {
          error: '经度须在 -180 到 180 之间',
        }),
    })
    .optional(),
});

export const profileSaveInput = z
  .strictObject({
    intro: section.optional(),
    keyFacts: z
      .array(
        z.strictObject({
          label: text({ label: '要点名称', max: 20 }),
          value: text({ label: '要点内容', max: 60 }),
        }),
        {
          error: '要点格式不正确',
        },
      )
      .max(12, { error: '要点最多 12 条' })
      .optional(),
    internationalOffice: z
      .strictObject({
        name: text({ label: '办公室名称', max: 50 }),
        nameOriginal: text({ label: '办公室原名', max: 100 }),
        location: text({ label: '所在地', max: 100 }),
        description: text({ label: '办公室介绍', max: 1000, multiline: true }),
      })
      .optional(),
    representativeOffice: section.optional(),
    contact: contact.optional(),
  })
  .refine((value) => Object.values(value).some((part) => part !== undefined), {
    error: messages.nothingToSave,
  });
export type ProfileSaveInput = z.output<typeof profileSaveInput>;

// ---- enquiries ---------------------------------------------------------------------------------

/** `new` stands for both new statuses (`received`, `pending_review`). */
export const ENQUIRY_STATUS_FILTERS = [...ENQUIRY_STATUSES, 'new'] as const;
export type EnquiryStatusFilter = (typeof ENQUIRY_STATUS_FILTERS)[number];

const enquiryFilter = {
  status: z.enum(ENQUIRY_STATUS_FILTERS, { error: '状态不正确' }).optional(),
  topic: z.enum(ENQUIRY_TOPICS, { error: '类别不正确' }).optional(),
};

export const enquiriesListInput = z.strictObject({ ...enquiryFilter, cursor: cursor.optional() });

export const enquiriesUpdateInput = z.strictObject({
  id: docId,
  status: z.enum(['in_progress', 'closed'], { error: '状态只能改为“处理中”或“已关闭”' }),
  note: optionalText({ label: '备注', max: 1000, multiline: true }),
});

export const enquiriesExportInput = z.strictObject(enquiryFilter);

export const enquiriesEraseInput = z
  .strictObject({ openId: openId.optional(), id: docId.optional() })
  .superRefine((value, ctx) => {
    if ((value.openId === undefined) === (value.id === undefined)) {
      const message = messages.eraseTarget;
      ctx.addIssue({ code: 'custom', path: ['openId'], message });
      ctx.addIssue({ code: 'custom', path: ['id'], message });
    }
  });
