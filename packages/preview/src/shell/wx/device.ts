/**
 * What WeChat's client does itself: clipboard, phone calls, location and subscription messages.
 * Each is shown in the frame and logged beside it.
 */
import { logAction } from '../missing';
import { showActionSheet, showModal, showNotice, showToast } from '../ui';
import { api, WxError, type Data, type Gated } from './context';

/** The fixed position the preview reports: Aarhus, the region's capital. */
const AARHUS = { latitude: 56.1629, longitude: 10.2039 };
const LOCATION_ACCURACY_M = 20;
/** WeChat's errno when a template ID is missing or unknown. */
const ERRNO_NO_TEMPLATE = 20001;

export function deviceApis(gated: Gated): Data {
  let clipboard = '';
  return {
    setClipboardData: gated('setClipboardData', async (args) => {
      clipboard = String(args.data ?? '');
      await systemClipboard(clipboard);
      logAction('复制到剪贴板', clipboard);
      // The base library confirms a copy with its own toast.
      showToast({ title: '内容已复制', icon: 'success' });
    }),
    getClipboardData: gated('getClipboardData', () => ({ data: clipboard })),
    makePhoneCall: gated('makePhoneCall', async (args) => {
      const number = String(args.phoneNumber ?? '');
      const choice = await showActionSheet([`呼叫 ${number}`], { kind: 'phone-call', title: number });
      if (choice < 0) throw new WxError('cancel');
      logAction('拨打电话', number);
    }),
    getLocation: gated('getLocation', async () => {
      const result = await showModal(
        {
          title: '获取你的位置信息',
          content: '预览使用固定位置：奥胡斯（Aarhus）。',
          confirmText: '允许',
          cancelText: '拒绝',
        },
        'location',
      );
      if (!result.confirm) throw new WxError('auth deny');
      logAction('获取位置', `${AARHUS.latitude}, ${AARHUS.longitude}（奥胡斯）`);
      return {
        ...AARHUS,
        speed: 0,
        accuracy: LOCATION_ACCURACY_M,
        altitude: 0,
        verticalAccuracy: 0,
        horizontalAccuracy: LOCATION_ACCURACY_M,
      };
    }),
    openLocation: api('openLocation', (args) => {
      logAction('查看位置', `${String(args.name ?? '')} ${String(args.latitude)}, ${String(args.longitude)}`);
      showNotice('location', String(args.name ?? '位置'), [
        String(args.address ?? ''),
        `${String(args.latitude)}, ${String(args.longitude)}`,
      ]);
    }),
    requestSubscribeMessage: api('requestSubscribeMessage', async (args) => {
      const ids = ((args.tmplIds ?? []) as string[]).filter(Boolean);
      if (ids.length === 0 || ids.length !== ((args.tmplIds ?? []) as unknown[]).length) {
        throw Object.assign(new WxError('No template data return, verify the template id exist'), {
          errno: ERRNO_NO_TEMPLATE,
        });
      }
      const result = await showModal(
        {
          title: '订阅消息',
          content: `小程序想向你发送 ${ids.length} 条一次性订阅消息（模板 ${ids.join('、')}）。`,
          confirmText: '允许',
          cancelText: '取消',
        },
        'subscribe',
      );
      const answer = result.confirm ? 'accept' : 'reject';
      logAction('订阅消息', `${ids.join('、')}：${answer}`);
      return Object.fromEntries(ids.map((id) => [id, answer]));
    }),
  };
}

async function systemClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // A headless or unfocused browser may refuse; the copy is still logged and readable.
  }
}
