/** Navigation and the page's bar, pull-down refresh, scrolling and share menu: the page stack's. */
import { api, WxError, type Data, type Navigator } from './context';

export function navigationApis(navigator: Navigator): Data {
  const navigation = (name: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
    api(name, async (args) => {
      const url = String(args.url ?? '');
      if (!url) throw new WxError('parameter error: url is required');
      if (name === 'navigateTo')
        return { eventChannel: await navigator.navigateTo(url, args.events as Data) };
      await navigator[name](url);
      return {};
    });
  return {
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    switchTab: navigation('switchTab'),
    reLaunch: navigation('reLaunch'),
    navigateBack: api('navigateBack', async (args) => {
      await navigator.navigateBack(Math.max(1, Number(args.delta ?? 1)));
      return {};
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
  };
}
