import { zh, type Dictionary } from './zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the dictionary, e.g. `errors.NETWORK`. */
export type MessageKey = Leaves<Dictionary>;

/** Looks up a public-page string; `{name}` placeholders are filled from `params`. */
export function t(
  key: MessageKey | `errors.${string}`,
  params: Record<string, string | number> = {},
): string {
  let node: unknown = zh;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const template = typeof node === 'string' ? node : zh.errors.INTERNAL;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
