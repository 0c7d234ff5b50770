/**
 * The browser preview, served by the local cloud on its own port (`extraRoutes`): `GET /` is
 * the mini program in a phone frame, `/_preview/*` its scripts and styles, built in memory by
 * `buildPreview()` when the server starts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildPreview, type PreviewBundle, type PreviewPaths } from './build';
import type { PreviewConfig } from './shell/types';

export { buildPreview, type PreviewPaths } from './build';

export interface PreviewOptions extends PreviewPaths {
  /** The OPENID the preview acts as until another is chosen. */
  defaultOpenid: string;
  /** Staff OPENIDs (`ADMIN_OPENIDS`) offered in the identity picker. */
  staffOpenids: string[];
}

export interface Preview {
  bundle: PreviewBundle;
  /** For `startLocalCloud({ extraRoutes })`. */
  routes(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

export async function createPreview(options: PreviewOptions): Promise<Preview> {
  const bundle = await buildPreview(options);
  const config: PreviewConfig = { defaultOpenid: options.defaultOpenid, staffOpenids: options.staffOpenids };
  const configBody = Buffer.from(JSON.stringify(config));
  return {
    bundle,
    routes(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      if (url.pathname === '/_preview/config.json') {
        send(res, req.method, 'application/json; charset=utf-8', configBody);
        return true;
      }
      const asset = bundle.assets.get(url.pathname);
      if (!asset) return false;
      send(res, req.method, asset.contentType, asset.body);
      return true;
    },
  };
}

function send(res: ServerResponse, method: string, contentType: string, body: Buffer): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': body.length,
    // Rebuilt at every start: never serve yesterday's app from the cache.
    'cache-control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}
