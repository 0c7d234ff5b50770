/**
 * `wx` for the browser preview: the APIs the app and TDesign use, working against the local
 * cloud and the browser, with WeChat's success/fail/complete-or-promise calling convention, one
 * module per area. Anything else the app calls is reported (badge, list, console) and fails,
 * never a silent no-op.
 */
import { cloud } from './cloud';
import type { Data, WxOptions } from './context';
import { deviceApis } from './device';
import { fileApis, TempFiles } from './files';
import { withMissingReport } from './missing-report';
import { navigationApis } from './navigation';
import { privacy } from './privacy';
import { storageApis } from './storage';
import { systemApis } from './system';
import { uiApis } from './ui';

export type { Navigator, WxOptions } from './context';
export { setRouteReader } from './missing-report';

export interface PreviewWx {
  wx: Data;
  /** For the builtins: `cloud://` and `wxfile://` sources of `<image>`. */
  resolveFileUrl(src: string): Promise<string>;
  /** For `<button open-type="agreePrivacyAuthorization">`: which button the user tapped. */
  agreePrivacy(buttonId: string): void;
}

export function createWx(options: WxOptions): PreviewWx {
  const { openid, navigator, track } = options;
  const store = options.storage ?? localStorage;
  const temp = new TempFiles();
  const consent = privacy(openid, store);
  const cloudApis = cloud({ openid, temp, track });
  const files = fileApis({ temp, track, gated: consent.gated, resolveFileUrl: cloudApis.resolveFileUrl });
  const wx = withMissingReport(
    {
      ...systemApis(),
      ...navigationApis(navigator),
      ...uiApis(),
      ...storageApis(openid, store),
      ...files,
      ...deviceApis(consent.gated),
      ...consent.apis,
      cloud: cloudApis.apis,
    },
    'wx',
  );
  return { wx, resolveFileUrl: cloudApis.resolveFileUrl, agreePrivacy: consent.agree };
}
