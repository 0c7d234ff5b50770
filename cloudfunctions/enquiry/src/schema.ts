import { z } from 'zod';
import { ENQUIRY_TOPICS } from '../../../contract/constants';
import { cursor, optionalText, text } from '../../_shared/validation';

const PHONE = /^\+?[0-9][0-9 -]*[0-9]$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const CONTACT_MISSING = '请至少填写邮箱或手机号中的一项';

/** `submit` input, exactly as CONTRACTS.md fixes it: strict, trimmed, typed. */
export const submitInput = z
  .strictObject({
    requestId: z.string({ error: '请求编号不正确' }).regex(REQUEST_ID, { error: '请求编号不正确' }),
    name: text({ label: '姓名', max: 50 }),
    organization: text({ label: '单位名称', max: 100 }),
    title: optionalText({ label: '职务', max: 50 }),
    email: optionalText({ label: '邮箱', max: 254 }).refine(
      (value) => value === undefined || z.email().safeParse(value).success,
      { error: '邮箱格式不正确' },
    ),
    phone: optionalText({ label: '手机号', max: 30 }).refine(
      (value) => {
        if (value === undefined) return true;
        const digits = value.replace(/\D/g, '').length;
        return PHONE.test(value) && digits >= 6 && digits <= 20;
      },
      { error: '电话号码格式不正确（可含 +、空格和短横线，6–20 位数字）' },
    ),
    topic: z.enum(ENQUIRY_TOPICS, { error: '请选择咨询类别' }),
    message: text({ label: '咨询内容', min: 10, max: 2000, multiline: true }),
    consent: z.strictObject(
      {
        privacy: z.literal(true, { error: '请阅读并同意《隐私说明》' }),
        crossBorder: z.literal(true, { error: '请同意将您的信息传输至丹麦处理' }),
      },
      { error: '请确认隐私授权' },
    ),
  })
  .superRefine((value, ctx) => {
    if (value.email === undefined && value.phone === undefined) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: CONTACT_MISSING });
      ctx.addIssue({ code: 'custom', path: ['phone'], message: CONTACT_MISSING });
    }
  });

export type SubmitInput = z.output<typeof submitInput>;

export const mineInput = z.strictObject({ cursor: cursor.optional() });
