/** System and device information: the 375 × 812 phone the frame draws. */
import { FRAME_HEIGHT_PX, FRAME_WIDTH_PX, NAVBAR_HEIGHT_PX, STATUSBAR_HEIGHT_PX } from '../frame';
import { api, type Data } from './context';

const SCREEN = { width: FRAME_WIDTH_PX, height: FRAME_HEIGHT_PX, pixelRatio: 2 };
const WINDOW_HEIGHT = SCREEN.height - STATUSBAR_HEIGHT_PX - NAVBAR_HEIGHT_PX;
const SAFE_AREA = {
  left: 0,
  right: SCREEN.width,
  top: STATUSBAR_HEIGHT_PX,
  bottom: SCREEN.height,
  width: SCREEN.width,
  height: SCREEN.height - STATUSBAR_HEIGHT_PX,
};
/** The capsule (menu button) at the top right, where WeChat draws it. */
const MENU_BUTTON = {
  width: 87,
  height: 32,
  top: STATUSBAR_HEIGHT_PX + 6,
  right: SCREEN.width - 7,
  bottom: STATUSBAR_HEIGHT_PX + 38,
  left: SCREEN.width - 94,
};
const LAUNCH_OPTIONS = { path: '', query: {}, scene: 1001, referrerInfo: {} };

export const windowInfo = () => ({
  pixelRatio: SCREEN.pixelRatio,
  screenWidth: SCREEN.width,
  screenHeight: SCREEN.height,
  windowWidth: SCREEN.width,
  windowHeight: WINDOW_HEIGHT,
  statusBarHeight: STATUSBAR_HEIGHT_PX,
  safeArea: { ...SAFE_AREA },
  screenTop: STATUSBAR_HEIGHT_PX + NAVBAR_HEIGHT_PX,
});

const deviceInfo = () => ({
  brand: 'preview',
  model: 'Browser preview (375×812)',
  system: 'iOS 17.0',
  platform: 'devtools',
  benchmarkLevel: 1,
  abi: '',
  cpuType: '',
  memorySize: '',
});

const appBaseInfo = () => ({
  SDKVersion: '3.8.0',
  enableDebug: false,
  host: { env: 'WeChat' },
  language: 'zh_CN',
  version: '8.0.50',
  theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  fontSizeSetting: 17,
});

export function systemApis(): Data {
  const systemInfo = () => ({ ...deviceInfo(), ...windowInfo(), ...appBaseInfo() });
  return {
    env: { USER_DATA_PATH: 'http://usr' },
    canIUse: () => true,
    getWindowInfo: windowInfo,
    getDeviceInfo: deviceInfo,
    getAppBaseInfo: appBaseInfo,
    getSystemSetting: () => ({
      bluetoothEnabled: false,
      locationEnabled: true,
      wifiEnabled: true,
      deviceOrientation: 'portrait',
    }),
    getAppAuthorizeSetting: () => ({
      albumAuthorized: 'authorized',
      cameraAuthorized: 'authorized',
      locationAuthorized: 'authorized',
      notificationAuthorized: 'authorized',
      microphoneAuthorized: 'authorized',
      phoneCalendarAuthorized: 'authorized',
    }),
    getSystemInfoSync: systemInfo,
    getSystemInfo: api('getSystemInfo', systemInfo),
    getMenuButtonBoundingClientRect: () => ({ ...MENU_BUTTON }),
    getLaunchOptionsSync: () => ({ ...LAUNCH_OPTIONS }),
    getEnterOptionsSync: () => ({ ...LAUNCH_OPTIONS }),
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'wx-local-preview', envVersion: 'develop', version: '' },
    }),
    getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
    getRandomValues: api('getRandomValues', (args) => ({
      randomValues: crypto.getRandomValues(new Uint8Array(Number(args.length ?? 0))).buffer,
    })),
  };
}
