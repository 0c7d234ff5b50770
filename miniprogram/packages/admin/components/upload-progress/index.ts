import { t } from '../../i18n/index';

/**
 * An upload under way: a bar, `已上传 40%`, and the button that cancels it (the page aborts its
 * `UploadTask` on `cancel`). Shared by the opportunity's PDFs and the news cover.
 */
Component({
  properties: {
    /** 0–100. */
    percent: { type: Number, value: 0 },
  },
  data: {
    text: '',
    cancelLabel: '',
  },
  lifetimes: {
    attached() {
      this.setData({ cancelLabel: t('upload.cancel') });
    },
  },
  observers: {
    percent(percent: number) {
      this.setData({ text: t('upload.progress', { percent }) });
    },
  },
  methods: {
    onCancel() {
      this.triggerEvent('cancel');
    },
  },
});
