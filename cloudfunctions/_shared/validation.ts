import { z } from 'zod';

/**
 * Schema building blocks whose messages are written for the people who read them (in Chinese),
 * and the mapping of validation issues to per-field messages.
 */

// C0 and C1 control characters other than tab, newline and carriage return (allowed in long text).
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;

interface TextOptions {
  label: string;
  min?: number;
  max: number;
  /** Multi-line text may hold newlines and tabs. */
  multiline?: boolean;
}

/** A trimmed string with length limits (counted in characters after trimming) and no control characters. */
export function text({ label, min = 1, max, multiline = false }: TextOptions) {
  const control = multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
  return z
    .string({ error: `${label}格式不正确` })
    .trim()
    .refine((value) => !control.test(value), { error: `${label}包含不允许的控制字符` })
    .refine((value) => [...value].length >= min, {
      error: min === 1 ? `请填写${label}` : `${label}至少需要 ${min} 个字`,
    })
    .refine((value) => [...value].length <= max, { error: `${label}不能超过 ${max} 个字` });
}

/** An optional trimmed string: empty counts as absent. */
export function optionalText(options: Omit<TextOptions, 'min'>) {
  return z
    .string({ error: `${options.label}格式不正确` })
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(text({ ...options, min: 1 }).optional());
}

/** An opaque pagination cursor. */
export const cursor = z
  .string({ error: '分页参数不正确' })
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, { error: '分页参数不正确' });

/** A document ID as the database makes them (or as the seed names them). */
export const docId = z
  .string({ error: '编号不正确' })
  .min(1, { error: '编号不正确' })
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { error: '编号不正确' });

const GENERIC: Record<string, string> = {
  invalid_type: '格式不正确',
  too_small: '内容过短',
  too_big: '内容过长',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '不支持的字段',
};

/** Per-field messages (`{ "email": "邮箱格式不正确" }`) from a validation error; the first issue per field wins. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (key: string, message: string) => {
    if (!(key in fields)) fields[key] = message;
  };
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) put(base ? `${base}.${key}` : key, GENERIC.unrecognized_keys as string);
      continue;
    }
    const custom = issue.message && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : undefined;
    put(base || '_', custom ?? GENERIC[issue.code] ?? '格式不正确');
  }
  return fields;
}
