/**
 * An editor's unsaved changes kept on the phone (storage, per item), so that leaving the page, the
 * app closing or a failed save loses no text: the editor offers them again when the item is next
 * opened, and forgets them once the item is saved.
 */

const KEY_PREFIX = 'admin.draft.';

export interface DraftBackup<Form> {
  form: Form;
  /** ISO 8601: when the changes were kept. */
  at: string;
}

export interface DraftStore<Form> {
  read(): DraftBackup<Form> | null;
  write(form: Form): void;
  clear(): void;
}

/** The backup of `kind`'s item `id` ('' for one not saved yet). */
export function draftBackup<Form>(kind: string, id: string): DraftStore<Form> {
  const key = `${KEY_PREFIX}${kind}.${id || 'new'}`;
  return {
    read() {
      const stored: unknown = wx.getStorageSync(key);
      if (!stored || typeof stored !== 'object' || !('form' in stored) || !('at' in stored)) return null;
      return stored as DraftBackup<Form>;
    },
    write(form) {
      wx.setStorageSync(key, { form, at: new Date().toISOString() });
    },
    clear() {
      wx.removeStorageSync(key);
    },
  };
}
