/**
 * `wx` for the browser preview: the APIs the app and TDesign use, working against the local
 * cloud and the browser, with WeChat's success/fail/complete-or-promise calling convention.
 * Anything else the app calls is reported (badge, list, console) and fails, never a silent no-op.
 */
import { failCall, wxAsyncApi, type WxArgs, type WxRun } from '../../../miniprogram-runtime/src';
import { logAction, reportMissing } from './missing';
import { hideToast, showActionSheet, showModal, showNotice, showToast } from './ui';
import { FRAME_HEIGHT_PX, NAVBAR_HEIGHT_PX, STATUSBAR_HEIGHT_PX } from './frame';
import type { Data } from './types';

/** What wx needs from the page stack (packages/preview/src/shell/router.ts). */
export interface Navigator {
  /** Answers the page's end of its event channel (`getOpenerEventChannel`). */
  navigateTo(url: string, events?: Data): Promise<unknown>;
  redirectTo(url: string): Promise<void>;
  switchTab(url: string): Promise<void>;
  reLaunch(url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  setTitle(title: string): void;
  stopPullDownRefresh(): void;
  startPullDownRefresh(): void;
  pageScrollTo(options: { scrollTop?: number; selector?: string; duration?: number }): void;
  setShareMenu(menus: string[] | null): void;
  /** wx.enableAlertBeforeUnload: ask before the user leaves the top page with the back button. */
  setLeaveAlert(message: string | null): void;
  /** A query on the top page (wx.createSelectorQuery). */
  selectorQuery(): unknown;
}

export interface WxOptions {
  openid: string;
  navigator: Navigator;
  /** Tracks an in-flight request, for `__preview.idle()`. */
  track<T>(work: Promise<T>): Promise<T>;
}

type Args = WxArgs;

class WxError extends Error {}

/** A wx-style async API with WeChat's success/fail/complete-or-promise convention. */
const api = (name: string, run: WxRun<Args>) => wxAsyncApi<Args>(name, run);

// ---------------------------------------------------------------------------------------------
// Device: a 375 × 812 phone, as the frame draws it

const SCREEN = { width: 375, height: FRAME_HEIGHT_PX, pixelRatio: 2 };
const WINDOW_HEIGHT = SCREEN.height - STATUSBAR_HEIGHT_PX - NAVBAR_HEIGHT_PX;
const SAFE_AREA = {
  left: 0,
  right: SCREEN.width,
  top: STATUSBAR_HEIGHT_PX,
  bottom: SCREEN.height,
  width: SCREEN.width,
  height: SCREEN.height - STATUSBAR_HEIGHT_PX,
};
const windowInfo = () => ({
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
const MENU_BUTTON = {
  width: 87,
  height: 32,
  top: STATUSBAR_HEIGHT_PX + 6,
  right: SCREEN.width - 7,
  bottom: STATUSBAR_HEIGHT_PX + 38,
  left: SCREEN.width - 94,
};

// ---------------------------------------------------------------------------------------------
// Privacy: app.json `__usePrivacyCheck__`

/** APIs WeChat holds until the user agrees to the privacy guidelines. */
const PRIVACY_SCOPED = new Set([
  'setClipboardData',
  'getClipboardData',
  'makePhoneCall',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'chooseMedia',
  'chooseImage',
  'chooseMessageFile',
]);

// ---------------------------------------------------------------------------------------------
// Temporary files: `wxfile://tmp_….ext` paths, as on a phone, each backed by a Blob

const tempFiles = new Map<string, Blob>();
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

/** A temporary path for `blob`, keeping the extension the app checks (`.jpg`, `.pdf`…). */
function saveTemp(blob: Blob, nameOrUrl = ''): string {
  const fromName = /\.([A-Za-z0-9]{1,8})(?:[?#]|$)/.exec(nameOrUrl)?.[1];
  const extension = (fromName ?? EXTENSIONS[blob.type.split(';')[0] ?? ''] ?? 'bin').toLowerCase();
  const path = `wxfile://tmp_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}.${extension}`;
  tempFiles.set(path, blob);
  return path;
}

function tempBlob(path: string): Blob {
  const blob = tempFiles.get(path);
  if (!blob) throw new WxError(`no such file or directory ${path}`);
  return blob;
}

/** A URL the browser can load for a temporary path (object URLs are made once per path). */
const objectUrls = new Map<string, string>();
function tempUrl(path: string): string {
  let url = objectUrls.get(path);
  if (!url) {
    url = URL.createObjectURL(tempBlob(path));
    objectUrls.set(path, url);
  }
  return url;
}

/** Draws an image smaller as `wx.compressImage` does: JPEG at `quality`, at most `width` wide. */
async function compress(blob: Blob, quality: number, width?: number): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const scale = width && bitmap.width > width ? width / bitmap.width : 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (out) => (out ? resolve(out) : reject(new WxError('compress failed'))),
      'image/jpeg',
      quality / 100,
    ),
  );
}

type PrivacyResolve = (result: { event: string; buttonId?: string }) => void;
type PrivacyListener = (resolve: PrivacyResolve, info: { referrer: string }) => void;

export function installWx(options: WxOptions): Data {
  const { openid, navigator, track } = options;
  const storagePrefix = `wx:${openid}:`;
  let clipboard = '';
  let privacyListener: PrivacyListener | null = null;
  const privacyKey = `preview:${openid}:privacy-agreed`;
  let lastAgreeButton = '';

  /**
   * Holds a privacy-scoped call until the user agrees, as the base library does: through the
   * app's listener (its popup) when it registered one, otherwise through WeChat's own dialog.
   */
  async function privacyGate(name: string): Promise<void> {
    if (!PRIVACY_SCOPED.has(name) || localStorage.getItem(privacyKey) === 'yes') return;
    const agreed = await new Promise<boolean>((resolve) => {
      if (privacyListener) {
        privacyListener(
          (result) => {
            if (result.event === 'agree')
              resolve(Boolean(result.buttonId) && result.buttonId === lastAgreeButton);
            else if (result.event === 'disagree') resolve(false);
          },
          { referrer: name },
        );
      } else {
        void showModal(
          {
            title: '用户隐私保护提示',
            content: '使用此功能前，请阅读并同意《隐私保护指引》。',
            confirmText: '同意',
            cancelText: '拒绝',
          },
          'privacy',
        ).then((result) => resolve(result.confirm));
      }
    });
    if (!agreed) throw new WxError('privacy permission is not authorized');
    localStorage.setItem(privacyKey, 'yes');
  }

  const gated = (name: string, run: (args: Args) => Data | void | Promise<Data | void>) =>
    api(name, async (args) => {
      await privacyGate(name);
      return run(args);
    });

  // -------------------------------------------------------------------------------------------
  // Storage, per OPENID as WeChat keeps it per user

  const storageKeys = () =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith(storagePrefix))
      .map((key) => key.slice(storagePrefix.length));
  // WeChat keeps Date values as dates; JSON alone would hand them back as strings.
  const readStorage = (key: string): { found: boolean; value: unknown } => {
    const raw = localStorage.getItem(storagePrefix + key);
    if (raw === null) return { found: false, value: '' };
    const revive = (_key: string, value: unknown) =>
      value &&
      typeof value === 'object' &&
      Object.keys(value).length === 1 &&
      typeof (value as Data).$date === 'string'
        ? new Date(String((value as Data).$date))
        : value;
    return { found: true, value: (JSON.parse(raw, revive) as { v: unknown }).v };
  };
  const writeStorage = (key: string, value: unknown) => {
    if (typeof key !== 'string' || key === '')
      throw new WxError('parameter error: key should be a non-empty string');
    const text = JSON.stringify({ v: value }, function (this: Data, name: string, encoded: unknown) {
      const raw = this[name];
      return raw instanceof Date ? { $date: raw.toISOString() } : encoded;
    });
    localStorage.setItem(storagePrefix + key, text);
  };
  const storageInfo = () => ({
    keys: storageKeys(),
    currentSize: Math.ceil(
      storageKeys().reduce((sum, key) => sum + (localStorage.getItem(storagePrefix + key)?.length ?? 0), 0) /
        1024,
    ),
    limitSize: 10240,
  });

  // -------------------------------------------------------------------------------------------
  // Cloud: the local cloud on this origin

  async function callFunction(args: Args): Promise<Data> {
    const name = String(args.name ?? '');
    if (!name) throw new WxError('function name is required');
    const response = await track(
      fetch(`/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(args.data ?? {}),
      }),
    );
    if (response.status === 404)
      throw new WxError(`-501000 FunctionName parameter could not be found: ${name}`);
    const result = (await track(response.json())) as unknown;
    return { result, requestID: response.headers.get('x-request-id') ?? `preview-${Date.now()}` };
  }

  async function adminApi(action: string, body: Data): Promise<Data> {
    const response = await track(
      fetch('/admin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, ...body }),
      }),
    );
    const answer = (await response.json()) as Data;
    if (answer.code) throw new WxError(`${String(answer.code)} ${String(answer.message ?? '')}`);
    return (answer.data ?? {}) as Data;
  }

  async function tempFileUrls(fileList: unknown[]): Promise<Data[]> {
    const ids = fileList.map((item) => (typeof item === 'string' ? item : String((item as Data).fileID)));
    const data = await adminApi('storage.batchGetDownloadUrl', {
      file_list: ids.map((fileid) => ({ fileid, max_age: 7200 })),
    });
    return ((data.download_list ?? []) as Data[]).map((entry) => ({
      fileID: entry.fileID,
      tempFileURL: entry.tempFileURL ?? '',
      status: entry.code === 'SUCCESS' ? 0 : -1,
      errMsg: entry.code === 'SUCCESS' ? 'ok' : String(entry.code),
    }));
  }

  /** A URL the browser can load for an `<image>` source: cloud file IDs and temporary paths too. */
  async function resolveFileUrl(src: string): Promise<string> {
    if (src.startsWith('wxfile://')) return tempUrl(src);
    if (!src.startsWith('cloud://')) return src;
    const [entry] = await tempFileUrls([src]);
    if (!entry?.tempFileURL) throw new WxError(`cannot resolve ${src}`);
    return String(entry.tempFileURL);
  }

  /** Fetches into a temporary file. */
  async function download(url: string, header?: Data): Promise<Data> {
    const response = await track(fetch(url, { headers: (header ?? {}) as Record<string, string> }));
    const blob = await track(response.blob());
    return {
      tempFilePath: saveTemp(blob, new URL(url, location.href).pathname),
      statusCode: response.status,
      dataLength: blob.size,
    };
  }

  /** The browser's file chooser stands in for WeChat's album, camera and chat file pickers. */
  const chooseFiles = (accept: string, count: number) =>
    new Promise<File[]>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.multiple = count > 1;
      input.addEventListener('change', () => resolve([...(input.files ?? [])].slice(0, count)));
      input.addEventListener('cancel', () => reject(new WxError('cancel')));
      input.click();
    });
  const kindOf = (file: Blob) =>
    file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'file';

  const fileSystemManager = withMissingReport(
    {
      getFileInfo: api('getFileInfo', (args) => ({ size: tempBlob(String(args.filePath)).size })),
      stat: api('stat', (args) => ({
        stats: { size: tempBlob(String(args.path)).size, isFile: () => true, isDirectory: () => false },
      })),
      access: api('access', (args) => void tempBlob(String(args.path))),
      readFile: api('readFile', async (args) => {
        const blob = tempBlob(String(args.filePath));
        if (args.encoding === 'utf8' || args.encoding === 'utf-8') return { data: await blob.text() };
        const buffer = await blob.arrayBuffer();
        if (args.encoding === 'base64') return { data: btoa(String.fromCharCode(...new Uint8Array(buffer))) };
        return { data: buffer };
      }),
    },
    'wx.getFileSystemManager()',
  );

  // -------------------------------------------------------------------------------------------

  const navigation = (name: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
    api(name, async (args) => {
      const url = String(args.url ?? '');
      if (!url) throw new WxError('parameter error: url is required');
      if (name === 'navigateTo')
        return { eventChannel: await navigator.navigateTo(url, args.events as Data) };
      await navigator[name](url);
      return {};
    });

  const impl: Data = {
    env: { USER_DATA_PATH: 'http://usr' },
    canIUse: () => true,

    // Navigation
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    switchTab: navigation('switchTab'),
    reLaunch: navigation('reLaunch'),
    navigateBack: api('navigateBack', async (args) => {
      await navigator.navigateBack(Math.max(1, Number(args.delta ?? 1)));
      return {};
    }),

    // Interface
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
    setNavigationBarTitle: api('setNavigationBarTitle', (args) =>
      navigator.setTitle(String(args.title ?? '')),
    ),
    stopPullDownRefresh: api('stopPullDownRefresh', () => navigator.stopPullDownRefresh()),
    startPullDownRefresh: api('startPullDownRefresh', () => navigator.startPullDownRefresh()),
    pageScrollTo: api('pageScrollTo', (args) =>
      navigator.pageScrollTo(args as Parameters<Navigator['pageScrollTo']>[0]),
    ),
    nextTick: (callback: () => void) => queueMicrotask(callback),
    createSelectorQuery: () => navigator.selectorQuery(),
    enableAlertBeforeUnload: api('enableAlertBeforeUnload', (args) =>
      navigator.setLeaveAlert(String(args.message ?? '')),
    ),
    disableAlertBeforeUnload: api('disableAlertBeforeUnload', () => navigator.setLeaveAlert(null)),
    showShareMenu: api('showShareMenu', (args) => {
      navigator.setShareMenu((args.menus as string[] | undefined) ?? ['shareAppMessage']);
    }),
    hideShareMenu: api('hideShareMenu', () => navigator.setShareMenu(null)),
    updateShareMenu: api('updateShareMenu', () => undefined),

    // Storage
    getStorageSync: (key: string) => readStorage(key).value,
    setStorageSync: (key: string, data: unknown) => writeStorage(key, data),
    removeStorageSync: (key: string) => localStorage.removeItem(storagePrefix + key),
    clearStorageSync: () => storageKeys().forEach((key) => localStorage.removeItem(storagePrefix + key)),
    getStorageInfoSync: storageInfo,
    getStorage: api('getStorage', (args) => {
      const { found, value } = readStorage(String(args.key));
      if (!found) throw new WxError('data not found');
      return { data: value };
    }),
    setStorage: api('setStorage', (args) => writeStorage(String(args.key), args.data)),
    removeStorage: api('removeStorage', (args) => localStorage.removeItem(storagePrefix + String(args.key))),
    clearStorage: api('clearStorage', () =>
      storageKeys().forEach((key) => localStorage.removeItem(storagePrefix + key)),
    ),
    getStorageInfo: api('getStorageInfo', storageInfo),

    // System
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
    getSystemInfoSync: () => ({ ...deviceInfo(), ...windowInfo(), ...appBaseInfo() }),
    getSystemInfo: api('getSystemInfo', () => ({ ...deviceInfo(), ...windowInfo(), ...appBaseInfo() })),
    getMenuButtonBoundingClientRect: () => ({ ...MENU_BUTTON }),
    getLaunchOptionsSync: () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'wx-local-preview', envVersion: 'develop', version: '' },
    }),
    getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
    getRandomValues: api('getRandomValues', (args) => ({
      randomValues: crypto.getRandomValues(new Uint8Array(Number(args.length ?? 0))).buffer,
    })),

    // Files
    downloadFile: api('downloadFile', (args) => download(String(args.url ?? ''), args.header as Data)),
    getFileSystemManager: () => fileSystemManager,
    compressImage: api('compressImage', async (args) => {
      const blob = await compress(
        tempBlob(String(args.src)),
        Number(args.quality ?? 80),
        args.compressedWidth as number | undefined,
      );
      return { tempFilePath: saveTemp(blob, '.jpg') };
    }),
    uploadFile: api('uploadFile', async (args) => {
      const file = tempBlob(String(args.filePath));
      const form = new FormData();
      for (const [key, value] of Object.entries((args.formData ?? {}) as Data))
        form.append(key, String(value));
      form.append(String(args.name ?? 'file'), file);
      const response = await track(
        fetch(String(args.url), {
          method: 'POST',
          body: form,
          headers: (args.header ?? {}) as Record<string, string>,
        }),
      );
      return { data: await response.text(), statusCode: response.status };
    }),
    openDocument: api('openDocument', (args) => {
      const filePath = String(args.filePath ?? '');
      const url = tempUrl(filePath);
      logAction('打开文档', `${String(args.fileType ?? '')} ${filePath}`);
      // WeChat shows the document full screen; the preview opens it in a new tab.
      const opened = window.open(url, '_blank');
      showNotice('document', '已在新标签页打开文档', [String(args.fileType ?? '文件')]);
      if (opened === null) logAction('打开文档', '浏览器拦截了新标签页');
    }),
    chooseMessageFile: gated('chooseMessageFile', async (args) => {
      const extensions = ((args.extension ?? []) as string[]).map(
        (extension) => `.${extension.replace(/^\./, '')}`,
      );
      const accept =
        args.type === 'image' ? 'image/*' : args.type === 'video' ? 'video/*' : extensions.join(',');
      const files = await chooseFiles(accept, Number(args.count ?? 1));
      return {
        tempFiles: files.map((file) => ({
          path: saveTemp(file, file.name),
          size: file.size,
          name: file.name,
          type: kindOf(file),
          time: Math.floor(file.lastModified / 1000),
        })),
      };
    }),
    chooseMedia: gated('chooseMedia', async (args) => {
      const types = (args.mediaType as string[] | undefined) ?? ['image', 'video'];
      const files = await chooseFiles(types.map((type) => `${type}/*`).join(','), Number(args.count ?? 9));
      return {
        type: files.every((file) => kindOf(file) === 'image') ? 'image' : 'mix',
        tempFiles: files.map((file) => ({
          tempFilePath: saveTemp(file, file.name),
          size: file.size,
          fileType: kindOf(file),
        })),
      };
    }),
    chooseImage: gated('chooseImage', async (args) => {
      const files = await chooseFiles('image/*', Number(args.count ?? 9));
      const paths = files.map((file) => saveTemp(file, file.name));
      return {
        tempFilePaths: paths,
        tempFiles: files.map((file, index) => ({ path: paths[index], size: file.size })),
      };
    }),
    previewImage: api('previewImage', async (args) => {
      const current = String(args.current ?? ((args.urls ?? []) as string[])[0] ?? '');
      logAction('预览图片', current);
      window.open(await resolveFileUrl(current), '_blank');
    }),

    // Device
    setClipboardData: gated('setClipboardData', async (args) => {
      clipboard = String(args.data ?? '');
      await navigatorClipboard(clipboard);
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
      logAction('获取位置', '56.1629, 10.2039（奥胡斯）');
      return {
        latitude: 56.1629,
        longitude: 10.2039,
        speed: 0,
        accuracy: 20,
        altitude: 0,
        verticalAccuracy: 0,
        horizontalAccuracy: 20,
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
          errno: 20001,
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

    // Privacy
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => {
      privacyListener = listener;
    },
    getPrivacySetting: api('getPrivacySetting', () => ({
      needAuthorization: localStorage.getItem(privacyKey) !== 'yes',
      privacyContractName: '《隐私保护指引》',
    })),
    requirePrivacyAuthorize: api('requirePrivacyAuthorize', () => privacyGate('setClipboardData')),
    openPrivacyContract: api('openPrivacyContract', () => {
      logAction('隐私保护指引', '微信会打开小程序的《隐私保护指引》页面');
      showNotice('privacy-contract', '《隐私保护指引》', ['微信会在此打开在公众平台填写的隐私保护指引。']);
    }),

    cloud: {
      init: () => undefined,
      callFunction: api('cloud.callFunction', callFunction),
      uploadFile: api('cloud.uploadFile', async (args) => {
        const cloudPath = String(args.cloudPath ?? '');
        const file = tempBlob(String(args.filePath));
        const meta = await adminApi('storage.getUploadMetadata', { path: cloudPath });
        const response = await track(fetch(String(meta.url), { method: 'PUT', body: file }));
        if (!response.ok) throw new WxError(`upload failed (${response.status})`);
        return { fileID: meta.fileId, statusCode: 200 };
      }),
      getTempFileURL: api('cloud.getTempFileURL', async (args) => ({
        fileList: await tempFileUrls((args.fileList ?? []) as unknown[]),
      })),
      downloadFile: api('cloud.downloadFile', async (args) =>
        download(await resolveFileUrl(String(args.fileID ?? ''))),
      ),
      deleteFile: api('cloud.deleteFile', async (args) => {
        const data = await adminApi('storage.batchDeleteFile', { fileid_list: args.fileList });
        return { fileList: data.delete_list };
      }),
    },
  };

  const wx = withMissingReport(impl, 'wx');
  return Object.assign(wx, {
    /** For the builtins: `cloud://` sources of `<image>`. */
    __resolveFileUrl: resolveFileUrl,
    /** For `<button open-type="agreePrivacyAuthorization">`: which button the user tapped. */
    __agreePrivacy: (buttonId: string) => {
      lastAgreeButton = buttonId;
    },
  });
}

async function navigatorClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // A headless or unfocused browser may refuse; the copy is still logged and readable.
  }
}

/** Names that are never an API call: probes by promises, JSON and module interop. */
const NOT_APIS = new Set(['then', 'toJSON', 'constructor', '__esModule', 'prototype', 'default']);

/**
 * `target` with every other member reported when used: calling an API the preview does not
 * implement shows a badge, is listed and logged, and fails as an unsupported API would.
 */
function withMissingReport(target: Data, path: string): Data {
  for (const [name, value] of Object.entries(target)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && name !== 'env') {
      target[name] = withMissingReport(value as Data, `${path}.${name}`);
    }
  }
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'symbol' || property in object || NOT_APIS.has(property)) {
        return Reflect.get(object, property) as unknown;
      }
      const name = `${path}.${property}`;
      return (args: Args = {}) => {
        reportMissing('api', name, currentRoute());
        return failCall(args, { errMsg: `${name.slice(3)}:fail not supported in the browser preview` });
      };
    },
  });
}

let routeOf: () => string = () => '';

export function setRouteReader(read: () => string): void {
  routeOf = read;
}

function currentRoute(): string {
  return routeOf() || 'app';
}
