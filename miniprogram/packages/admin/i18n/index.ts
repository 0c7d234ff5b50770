import { RULE_TEXTS_EN } from '../../../contract/messages.en';
import { RULE_TEXTS_ZH, type RuleTexts } from '../../../contract/messages.zh';
import { en } from './en';
import { zh, type Dictionary } from './zh';

/**
 * The staff pages speak Chinese or English (the office's staff sit in Denmark), chosen on the
 * staff home page and kept in storage under `admin.lang`; Chinese until someone switches.
 */

export type Lang = 'zh' | 'en';

export const LANG_STORAGE_KEY = 'admin.lang';
export const DEFAULT_LANG: Lang = 'zh';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const DICTIONARIES: Record<Lang, Dictionary> = { zh, en };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the staff dictionary, e.g. `editor.publish`. */
export type MessageKey = Leaves<Dictionary>;

/** Read from storage once per module, then kept in step by `setLang`. */
let current: Lang | null = null;

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language the staff pages show. */
export function currentLang(): Lang {
  if (current === null) {
    const stored: unknown = wx.getStorageSync(LANG_STORAGE_KEY);
    current = isLang(stored) ? stored : DEFAULT_LANG;
  }
  return current;
}

/** Re-reads the language from storage: a page calls it when shown, in case another page switched. */
export function refreshLang(): Lang {
  current = null;
  return currentLang();
}

export function setLang(lang: Lang): void {
  wx.setStorageSync(LANG_STORAGE_KEY, lang);
  current = lang;
}

/** Looks up a staff-page string in the current language; `{name}` placeholders come from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  let node: unknown = DICTIONARIES[currentLang()];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The shared input rules' labels and messages in the current language, for checks before sending. */
export function ruleTexts(): RuleTexts {
  return currentLang() === 'en' ? RULE_TEXTS_EN : RULE_TEXTS_ZH;
}

/** Builds a page's `labels` object from `{ field: key }`, in the current language. */
export function labelsOf<K extends string>(keys: Record<K, MessageKey>): Record<K, string> {
  return Object.fromEntries(
    Object.entries(keys).map(([field, key]) => [field, t(key as MessageKey)]),
  ) as Record<K, string>;
}
