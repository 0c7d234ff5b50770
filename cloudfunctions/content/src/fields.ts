/** What a news list item reads from its document (the projection of `news.list`). */
export const NEWS_LIST_FIELDS = {
  _id: true,
  title: true,
  summary: true,
  cover: true,
  category: true,
  tags: true,
  pinned: true,
  publishAt: true,
  dateLabel: true,
} as const;
