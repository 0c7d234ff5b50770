/** Interface feedback: toast, loading, modal and action sheet, drawn in the phone frame. */
import { hideToast, showActionSheet, showModal, showToast } from '../ui';
import { api, WxError, type Data } from './context';

export function uiApis(): Data {
  return {
    showToast: api('showToast', (args) => {
      showToast({
        title: String(args.title ?? ''),
        icon: args.icon as string,
        duration: args.duration as number,
        mask: Boolean(args.mask),
      });
    }),
    hideToast: api('hideToast', () => hideToast()),
    showLoading: api('showLoading', (args) =>
      showToast({ title: String(args.title ?? ''), loading: true, mask: Boolean(args.mask) }),
    ),
    hideLoading: api('hideLoading', () => hideToast(true)),
    showModal: api(
      'showModal',
      (args) => showModal(args as Parameters<typeof showModal>[0]) as unknown as Promise<Data>,
    ),
    showActionSheet: api('showActionSheet', async (args) => {
      const tapIndex = await showActionSheet((args.itemList ?? []) as string[], {
        title: args.alertText as string,
      });
      if (tapIndex < 0) throw new WxError('cancel');
      return { tapIndex };
    }),
  };
}
