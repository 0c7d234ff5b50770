import type { UploadWatch } from '../services/files';

/**
 * A page that shows one upload at a time with `<upload-progress>`: `uploadShown` and
 * `uploadPercent` in its data, and the way to cancel kept aside for its `onCancelUpload`.
 */
export interface UploadingPage {
  setData(data: Record<string, unknown>): void;
  /** Optional in the type only: a page's own field, which the compiler may not see through `this`. */
  cancelUpload?: (() => void) | null;
}

/** The watch to hand an upload: its progress to the page, its cancel kept by the page. */
export function watchUpload(page: UploadingPage): UploadWatch {
  return {
    onStart: (cancel) => {
      page.cancelUpload = cancel;
      page.setData({ uploadShown: true, uploadPercent: 0 });
    },
    onProgress: (percent) => page.setData({ uploadPercent: percent }),
  };
}

/** The upload is over (done, failed or cancelled): the progress goes. */
export function uploadEnded(page: UploadingPage): void {
  page.cancelUpload = null;
  page.setData({ uploadShown: false, uploadPercent: 0 });
}
