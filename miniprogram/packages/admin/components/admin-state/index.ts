import { t } from '../../i18n/index';

/**
 * What a staff page shows before its content: a spinner, an error with retry, an empty note, or
 * the refusal to a caller who is not staff (no retry: it cannot help), with their OPENID so a
 * colleague can add them. The staff pages' own version of `state-view`, in the staff language.
 */
export type AdminViewStatus = 'loading' | 'error' | 'empty' | 'forbidden' | 'ready';

Component({
  properties: {
    status: { type: String, value: 'loading' },
    errorMessage: { type: String, value: '' },
    emptyText: { type: String, value: '' },
    /** The caller's OPENID, shown with the refusal. */
    openId: { type: String, value: '' },
  },
  data: {
    labels: { loading: '', retry: '', empty: '', error: '', forbidden: '', forbiddenHint: '', openId: '' },
  },
  lifetimes: {
    attached() {
      this.updateLabels();
    },
  },
  observers: {
    'status, openId'() {
      // In the language of the moment: the home page may have switched it since.
      if (this.data.status !== 'ready') this.updateLabels();
    },
  },
  methods: {
    updateLabels() {
      const openId = this.data.openId;
      this.setData({
        labels: {
          loading: t('common.loading'),
          retry: t('common.retry'),
          empty: t('common.empty'),
          error: t('errors.INTERNAL'),
          forbidden: t('errors.FORBIDDEN'),
          forbiddenHint: t('common.forbiddenHint'),
          openId: openId ? t('common.yourOpenId', { openId }) : '',
        },
      });
    },

    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
