/**
 * The staff entry's own strings. It lives in the main package and so cannot read the staff
 * pages' dictionary (packages/admin/i18n); it follows the language staff chose there
 * (storage `admin.lang`, Chinese by default), since only staff ever see it.
 */
export const STAFF_ENTRY_STRINGS = {
  zh: { title: '工作人员入口', description: '发布新闻、处理咨询' },
  en: { title: 'Staff area', description: 'Publish news, handle enquiries' },
} as const satisfies Record<'zh' | 'en', { title: string; description: string }>;

/** Where the staff pages keep the chosen language. */
export const ADMIN_LANG_STORAGE_KEY = 'admin.lang';
