/**
 * What WeChat's client does itself: clipboard, phone calls, location and subscription messages.
 * Each is shown in the frame and logged beside it.
 */
import { logAction } from '../missing';
import { showActionSheet, showModal, showNotice, showToast } from '../ui';
import { api, WxError, type Data, type Gated } from './context';

/** The fixed position the preview reports: Aarhus, the region's capital. */
const AARHUS = { latitude: 56.1629, longitude: 10.2039 };
/**
 * What WeChat's map picker lists near its centre, in the preview: its centre (the place passed in,
 * else the fixed position) and two example places. The preview has no map data: the coordinates of
 * the examples are approximate, for trying the flow, never for content.
 */
const EXAMPLE_PLACES = [
  {
    name: '维堡（Viborg）市中心（预览示例）',
    address: 'Viborg, Danmark',
    latitude: 56.4517,
    longitude: 9.402,
  },
  { name: '奥胡斯（Aarhus）市中心（预览示例）', address: 'Aarhus, Danmark', ...AARHUS },
];
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
    chooseLocation: gated('chooseLocation', async (args) => {
      const centre =
        typeof args.latitude === 'number' && typeof args.longitude === 'number'
          ? [
              {
                name: '地图中心（当前选定位置）',
                address: '',
                latitude: args.latitude,
                longitude: args.longitude,
              },
            ]
          : [];
      const places = [...centre, ...EXAMPLE_PLACES];
      const choice = await showActionSheet(
        places.map((place) => `${place.name} · ${place.latitude.toFixed(4)}, ${place.longitude.toFixed(4)}`),
        { kind: 'choose-location', title: '选择位置' },
      );
      const place = places[choice];
      if (!place) throw new WxError('cancel');
      logAction('选择位置', `${place.name} ${place.latitude}, ${place.longitude}`);
      return { ...place };
    }),
    openOfficialAccountProfile: api('openOfficialAccountProfile', (args) => {
      const username = String(args.username ?? '');
      // WeChat opens only an account given by its original ID.
      if (!/^gh_[0-9a-f]{12}$/.test(username)) throw new WxError('invalid username');
      logAction('打开公众号主页', username);
      showNotice('official-account', '公众号主页', [username]);
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
