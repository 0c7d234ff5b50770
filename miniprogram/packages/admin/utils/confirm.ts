import { t } from '../i18n/index';

/** TDesign's error colour: the confirm button of a step that cannot be undone. */
export const DANGER_COLOR = '#d54941';

/** Asks before a step that cannot be undone (deleting, erasing, removing); true when confirmed. */
export async function confirmDanger(
  title: string,
  content: string,
  confirmText = t('common.delete'),
): Promise<boolean> {
  const { confirm } = await wx.showModal({
    title,
    content,
    confirmText,
    confirmColor: DANGER_COLOR,
    cancelText: t('common.cancel'),
  });
  return confirm;
}
