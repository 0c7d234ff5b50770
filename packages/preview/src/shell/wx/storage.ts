/**
 * wx storage, kept per OPENID as WeChat keeps it per user, in the browser's storage so it
 * survives a reload. Dates come back as dates, as on a phone.
 */
import { api, WxError, type Data } from './context';

/** WeChat's storage limit per user, in KB. */
const LIMIT_KB = 10240;

export function storageApis(openid: string, store: Storage): Data {
  const prefix = `wx:${openid}:`;
  const keys = () =>
    Array.from({ length: store.length }, (_, index) => store.key(index) ?? '')
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length));
  // JSON alone would hand Date values back as strings.
  const read = (key: string): { found: boolean; value: unknown } => {
    const raw = store.getItem(prefix + key);
    if (raw === null) return { found: false, value: '' };
    const revive = (_key: string, value: unknown) =>
      value &&
      typeof value === 'object' &&
      Object.keys(value).length === 1 &&
      typeof (value as Data).$date === 'string'
        ? new Date(String((value as Data).$date))
        : value;
    return { found: true, value: (JSON.parse(raw, revive) as { v: unknown }).v };
  };
  const write = (key: string, value: unknown) => {
    if (typeof key !== 'string' || key === '')
      throw new WxError('parameter error: key should be a non-empty string');
    const text = JSON.stringify({ v: value }, function (this: Data, name: string, encoded: unknown) {
      const raw = this[name];
      return raw instanceof Date ? { $date: raw.toISOString() } : encoded;
    });
    store.setItem(prefix + key, text);
  };
  const remove = (key: string) => store.removeItem(prefix + key);
  const clear = () => keys().forEach(remove);
  const info = () => ({
    keys: keys(),
    currentSize: Math.ceil(
      keys().reduce((sum, key) => sum + (store.getItem(prefix + key)?.length ?? 0), 0) / 1024,
    ),
    limitSize: LIMIT_KB,
  });

  return {
    getStorageSync: (key: string) => read(key).value,
    setStorageSync: (key: string, data: unknown) => write(key, data),
    removeStorageSync: (key: string) => remove(key),
    clearStorageSync: clear,
    getStorageInfoSync: info,
    getStorage: api('getStorage', (args) => {
      const { found, value } = read(String(args.key));
      if (!found) throw new WxError('data not found');
      return { data: value };
    }),
    setStorage: api('setStorage', (args) => write(String(args.key), args.data)),
    removeStorage: api('removeStorage', (args) => remove(String(args.key))),
    clearStorage: api('clearStorage', clear),
    getStorageInfo: api('getStorageInfo', info),
  };
}
