/** The enquiry function's own words to partners. */
export const ENQUIRY_TEXTS = {
  notFound: '未找到该咨询，可能已被删除',
  /** A reply's author when the staff member has no display name (never a bare OPENID). */
  officeAuthor: '国际事务办公室',
} as const;
