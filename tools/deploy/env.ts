/**
 * The deployment tools' settings, all from the environment (or `.env` at the repository root,
 * which is git-ignored; `.env.example` lists every variable). Nothing secret lives in the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROOT } from '../build/paths';

interface VariableSpec {
  zh: string;
  en: string;
  schema: z.ZodType<string>;
}

const token = z.string().regex(/^\S+$/, { message: '不能包含空白字符 / must not contain whitespace' });

/** Every variable the deployment tools read, with what it is in both languages. */
export const VARIABLES = {
  TCB_ENV_ID: {
    zh: '云开发环境 ID（云开发控制台 → 环境概览）',
    en: 'CloudBase environment ID',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, { message: '只能包含字母、数字、- 和 _ / letters, digits, - and _ only' }),
  },
  TENCENTCLOUD_SECRETID: {
    zh: '腾讯云 API 密钥 SecretId（访问管理 → API 密钥管理）',
    en: 'Tencent Cloud API SecretId',
    schema: token,
  },
  TENCENTCLOUD_SECRETKEY: {
    zh: '腾讯云 API 密钥 SecretKey',
    en: 'Tencent Cloud API SecretKey',
    schema: token,
  },
  WX_APPID: {
    zh: '小程序 AppID（微信公众平台 → 开发管理 → 开发设置）',
    en: 'mini program AppID',
    schema: z
      .string()
      .regex(/^wx[0-9a-f]{16}$/, { message: '应为 wx 加 16 位十六进制字符 / expected wx + 16 hex digits' }),
  },
  WX_PRIVATE_KEY_PATH: {
    zh: '小程序代码上传密钥文件的路径（开发设置 → 小程序代码上传）',
    en: 'path of the code-upload private key file',
    schema: z.string().min(1),
  },
  SUBSCRIBE_TEMPLATE_NEWS: {
    zh: '订阅消息模板 ID：新闻更新（发给订阅的用户）',
    en: 'subscription message template ID: news update to subscribers',
    schema: token,
  },
  SUBSCRIBE_TEMPLATE_ENQUIRY: {
    zh: '订阅消息模板 ID：新咨询提醒（发给工作人员）',
    en: 'subscription message template ID: new-enquiry alert to staff',
    schema: token,
  },
  SUBSCRIBE_TEMPLATE_REPLY: {
    zh: '订阅消息模板 ID：办公室回复了咨询（发给提交咨询的合作伙伴）',
    en: "subscription message template ID: the office's reply to a partner's enquiry",
    schema: token,
  },
  MINIPROGRAM_STATE: {
    zh: '点开订阅消息时打开的小程序版本：developer 开发版、trial 体验版、formal 正式版（默认）',
    en: 'mini program version a tapped subscription message opens: developer, trial or formal (default)',
    schema: z.enum(['developer', 'trial', 'formal'], {
      message: '只能是 developer、trial 或 formal / developer, trial or formal only',
    }),
  },
} satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof VARIABLES;

/** What the deployment of the cloud side needs besides the variable that holds the environment ID. */
export const CLOUD_CREDENTIALS = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;
/**
 * Function environment variables whose value differs per environment. A function's config.json
 * holds the local cloud's value; a deploy takes the value from the deployment environment instead
 * and refuses to run without it, so a local placeholder never reaches the cloud.
 */
export const FUNCTION_VARIABLES = [
  'SUBSCRIBE_TEMPLATE_NEWS',
  'SUBSCRIBE_TEMPLATE_ENQUIRY',
  'SUBSCRIBE_TEMPLATE_REPLY',
] as const;
/**
 * Variables a deployment may leave unset, with the value it then uses. `MINIPROGRAM_STATE` goes to
 * every function that sends subscription messages; only production is ever deployed without it.
 */
export const DEFAULTS: Partial<Record<VariableName, string>> = { MINIPROGRAM_STATE: 'formal' };
/** What uploading the mini program needs. */
export const UPLOAD_CREDENTIALS = ['WX_APPID', 'WX_PRIVATE_KEY_PATH'] as const;

export interface EnvReport {
  /** Valid values of the variables asked for. */
  values: Record<string, string>;
  /** Variables that are unset or empty and have no default. */
  missing: string[];
  /** Variables that are unset or empty and take their value (in `values`) from DEFAULTS. */
  defaulted: string[];
  /** Variables that are set but malformed. */
  invalid: { name: string; message: string }[];
}

/** A variable not in `VARIABLES` (named in cloudbaserc.json, say) only has to be non-empty. */
function specOf(name: string): VariableSpec {
  return (
    (VARIABLES as Record<string, VariableSpec>)[name] ?? {
      zh: '环境变量',
      en: 'variable',
      schema: z.string().min(1),
    }
  );
}

export function describeVariable(name: string): string {
  const spec = specOf(name);
  return `${spec.zh} / ${spec.en}`;
}

/** Reads and validates the named variables; never throws, so a dry run can report what is missing. */
export function checkEnv(names: readonly string[], env: NodeJS.ProcessEnv = process.env): EnvReport {
  const report: EnvReport = { values: {}, missing: [], defaulted: [], invalid: [] };
  for (const name of new Set(names)) {
    const raw = env[name]?.trim();
    const fallback = (DEFAULTS as Record<string, string | undefined>)[name];
    if (!raw && fallback !== undefined) {
      report.values[name] = fallback;
      report.defaulted.push(name);
      continue;
    }
    if (!raw) {
      report.missing.push(name);
      continue;
    }
    const parsed = specOf(name).schema.safeParse(raw);
    if (parsed.success) report.values[name] = parsed.data;
    else report.invalid.push({ name, message: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  return report;
}

export function envIsComplete(report: EnvReport): boolean {
  return report.missing.length === 0 && report.invalid.length === 0;
}

/** The message a real run stops with: what is missing or malformed, and where to set it. */
export function formatEnvProblems(report: EnvReport): string {
  const width = Math.max(
    0,
    ...[...report.missing, ...report.invalid.map((item) => item.name)].map((n) => n.length),
  );
  const lines: string[] = [];
  if (report.missing.length > 0) {
    lines.push('缺少环境变量 / Missing environment variables:');
    for (const name of report.missing) lines.push(`  ${name.padEnd(width)}  ${describeVariable(name)}`);
  }
  if (report.invalid.length > 0) {
    lines.push('环境变量格式不正确 / Invalid environment variables:');
    for (const { name, message } of report.invalid) lines.push(`  ${name.padEnd(width)}  ${message}`);
  }
  lines.push(
    '请在仓库根目录的 .env 中填写（参照 .env.example），或在命令前设置；详见 README「上线指南」。',
    'Set them in .env at the repository root (see .env.example) or in the shell; see README 上线指南.',
  );
  return lines.join('\n');
}

export const DOT_ENV = path.join(ROOT, '.env');

/** Loads `.env` when present. Variables already set in the shell win, even when set empty. */
export function loadDotEnv(file: string = DOT_ENV): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

/** A real run cannot start: variables are missing or malformed. The message lists them. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** The named variables' values, or an EnvError listing every problem at once. */
export function requireEnv(
  names: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const report = checkEnv(names, env);
  if (!envIsComplete(report)) throw new EnvError(formatEnvProblems(report));
  return report.values;
}
