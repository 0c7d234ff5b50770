import { t } from '../../i18n/index';

/** What a data-driven block shows: a skeleton while loading, a message with retry, an empty note, or its content. */
export type ViewStatus = 'loading' | 'error' | 'empty' | 'ready';

interface SkeletonCol {
  width: string;
  height: string;
  marginRight?: string;
}

const DEFAULT_SKELETON_ROWS = 3;

/** One placeholder per expected item: a title line and two lines of text, the last one short. */
function skeletonRowCol(rows: number): SkeletonCol[][] {
  const count = Math.max(1, Math.floor(rows) || DEFAULT_SKELETON_ROWS);
  const item: SkeletonCol[][] = [
    [{ width: '70%', height: '40rpx' }],
    [{ width: '100%', height: '28rpx' }],
    [{ width: '45%', height: '28rpx' }],
  ];
  return Array.from({ length: count }, () => item).flat();
}

Component({
  properties: {
    status: { type: String, value: 'loading' },
    /** Shown on error; a generic message when empty. */
    errorMessage: { type: String, value: '' },
    /** Shown on empty; a generic message when empty. */
    emptyText: { type: String, value: '' },
    /** How many items the skeleton imitates. */
    skeletonRows: { type: Number, value: DEFAULT_SKELETON_ROWS },
  },
  data: {
    rowCol: skeletonRowCol(DEFAULT_SKELETON_ROWS),
    labels: {
      loading: t('common.loading'),
      error: t('errors.INTERNAL'),
      empty: t('common.empty'),
      retry: t('common.retry'),
    },
  },
  observers: {
    skeletonRows(rows: number) {
      this.setData({ rowCol: skeletonRowCol(rows) });
    },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
