/**
 * The copy rules of every public Chinese text: the seed content, the public pages' dictionary and
 * the contract's messages (field labels, validation and error messages, category and status names).
 *
 * Spacing, one rule: a half-width space between Chinese and Latin letters or numbers
 * ('Midtnet Kina 项目', '至少 10 个字'), none beside full-width punctuation ('维堡（Viborg）'). A date is
 * one word and takes no spaces, inside or around it ('于2006年设立', '2016年春', '2026年12月5日').
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from '../../../cloudbase/seed';
import * as contractMessages from '../../../contract/messages.zh';
import { zh } from '../../../miniprogram/i18n/zh';

const ROOT = join(__dirname, '../../..');

/** Every string anywhere inside `value`, keys excluded. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.values(value).flatMap(strings);
  }
  return [];
}

/** Placeholders that take a number, and those that take a date; any other takes Chinese text. */
const NUMBER_PLACEHOLDERS = new Set(['count', 'min', 'max', 'days', 'months', 'mb']);
const DATE_PLACEHOLDERS = new Set(['date', 'from', 'to', 'asOf']);

/** A template as a reader sees it, each `{placeholder}` filled with a value of its kind. */
function filled(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    NUMBER_PLACEHOLDERS.has(name) ? '1' : DATE_PLACEHOLDERS.has(name) ? '2026年1月1日' : '某',
  );
}

const TEXTS: [string, string[]][] = [
  ['the seed content', strings(SEED)],
  ['the public pages’ dictionary', strings(zh).map(filled)],
  ['the contract’s messages', strings(contractMessages).map(filled)],
];

/** Words the copy must not use, and why. */
const BANNED: [RegExp, string][] = [
  [/不给力/, 'slang: say 网络连接异常'],
  [/汲取灵感/, 'translationese'],
  [/以全球化为重点/, 'translationese'],
  [/意向书/, 'an MoU is 谅解备忘录, not a letter of intent'],
  [/姊妹|姐妹/, 'the term is 友好城市（友城）关系'],
  [/友好关系/, 'the term is 友好城市（友城）关系 (short: 友城关系)'],
  [/友好城市(?!（友城）关系)/, 'the term is 友好城市（友城）关系 in full'],
  [/丹中/, 'China first: 中丹'],
  [/丹麦(和|与|及)中国/, 'China first: 中国和丹麦'],
  [/信息来源|出处：/, 'one citation: 来源：'],
];

/** The spacing rule, as the patterns that break it. */
const SPACING: [RegExp, string][] = [
  [/\p{Script=Han}[A-Za-z]|[A-Za-z]\p{Script=Han}/u, 'a space between Chinese and Latin letters'],
  [/\d(?![年月日])\p{Script=Han}/u, 'a space between a number and Chinese'],
  [/\p{Script=Han}\d+(?:[.,–-]\d+)*(?![\d年月日])/u, 'a space between Chinese and a number'],
  [/\d\s+[年月日]|[年月]\s+\d/u, 'no space inside a date'],
  [/\p{Script=Han}\s+\d+年/u, 'no space before a date'],
  [/[年月日]\s+\p{Script=Han}/u, 'no space after a date'],
  [/\s[，。、；：！？（）《》“”]|[（《“]\s/u, 'no space beside full-width punctuation'],
  [/\p{Script=Han}[,;:?!()]|[,;:?!()]\p{Script=Han}/u, 'full-width punctuation in Chinese text'],
];

/** Each text of `texts` that matches `pattern`, for a readable failure. */
function offending(texts: string[], pattern: RegExp): string[] {
  return texts.filter((text) => pattern.test(text));
}

describe.each(TEXTS)('%s', (_name, texts) => {
  it('has texts to check', () => {
    expect(texts.length).toBeGreaterThan(10);
  });

  it.each(BANNED)('never says %s (%s)', (pattern) => {
    expect(offending(texts, pattern)).toEqual([]);
  });

  it.each(SPACING)('keeps the spacing rule: %s (%s)', (pattern) => {
    expect(offending(texts, pattern)).toEqual([]);
  });
});

describe('the rules themselves', () => {
  it.each([
    ['Midtnet Kina项目', false],
    ['Midtnet Kina 项目', true],
    ['至少10个字', false],
    ['至少 10 个字', true],
    ['于 2006年设立', false],
    ['于2006年设立', true],
    ['2026 年 12 月 5 日', false],
    ['2026年12月5日', true],
    ['维堡（Viborg）', true],
    ['维堡 （Viborg）', false],
    ['来源:《标题》', false],
  ])('judge %p as %p', (text, passes) => {
    expect(SPACING.every(([pattern]) => !pattern.test(text))).toBe(passes);
  });

  it('catch the old wording', () => {
    const old = ['网络不给力，请检查网络后重试', '丹中文化活动', '姊妹友好关系', '另以若干意向书'];
    for (const text of old) expect(BANNED.some(([pattern]) => pattern.test(text))).toBe(true);
  });
});

/** Every file under `dir` whose name ends with `ext`. */
function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return path.endsWith(ext) ? [path] : [];
  });
}

describe('public templates', () => {
  const templates = ['miniprogram/pages', 'miniprogram/components', 'miniprogram/packages/enquiry'].flatMap(
    (dir) => filesUnder(join(ROOT, dir), '.wxml'),
  );

  it('hold no Chinese of their own: every text comes from the dictionary', () => {
    expect(templates.length).toBeGreaterThan(5);
    const literal = templates.filter((path) => /\p{Script=Han}/u.test(readFileSync(path, 'utf8')));
    expect(literal.map((path) => path.slice(ROOT.length + 1))).toEqual([]);
  });
});
