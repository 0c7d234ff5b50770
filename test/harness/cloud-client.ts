import { localSdk, type LocalApp } from '../../tools/local-sdk';
import http from 'node:http';
import type { CallFunction } from './simulate';

/** Where the miniprogram project's global setup started the local cloud. */
export function testCloudUrl(): string {
  const url = process.env.MINIPROGRAM_TEST_CLOUD_URL;
  if (!url) throw new Error('No local cloud: the miniprogram jest project starts one in its globalSetup');
  return url;
}

/** The real `@cloudbase/node-sdk`, pointed at the shared cloud (to arrange data or check it directly). */
export function testCloudApp(): LocalApp {
  const serviceUrl = process.env.MINIPROGRAM_TEST_CLOUD_SERVICE_URL;
  if (!serviceUrl)
    throw new Error('No local cloud: the miniprogram jest project starts one in its globalSetup');
  return localSdk(serviceUrl);
}

/** POSTs JSON with Node's http (jsdom has no fetch) and answers the parsed JSON body. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        // A fresh connection per call: a kept-alive socket the local cloud has meanwhile closed
        // would fail the call as a network error (and the service layer would quietly retry it).
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** `wx.cloud.callFunction` as the platform does it: the real function, run by the local cloud, as `openId`. */
export function cloudCaller(openId: string): CallFunction {
  const url = testCloudUrl();
  return (name, data) =>
    postJson(`${url}/functions/${encodeURIComponent(name)}`, data, { 'x-wx-openid': openId });
}
