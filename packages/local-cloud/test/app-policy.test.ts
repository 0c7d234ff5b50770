import { appCloudPolicy, appErrorBody } from '../../../tools/local-cloud';
import { byId, post, startFixtureCloud, type Doc } from './helpers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** This app's policy for the local cloud (tools/local-cloud.ts), on the package's fixtures. */

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-app-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('ADMIN_OPENIDS', () => {
  it('records staff at start, idempotently across restarts', async () => {
    const dataDir = tempDir();
    const before = Date.now();
    const first = await startFixtureCloud({ dataDir, ...appCloudPolicy(['o-admin-1', 'o-admin-2']) });
    const admins = async (cloud: typeof first) =>
      byId((await cloud.app.database().collection('admins').get()).data as Doc[]);
    const firstAdmins = await admins(first);
    expect(firstAdmins).toEqual([
      { _id: 'o-admin-1', addedAt: expect.any(Date), addedBy: 'ADMIN_OPENIDS' },
      { _id: 'o-admin-2', addedAt: expect.any(Date), addedBy: 'ADMIN_OPENIDS' },
    ]);
    expect((firstAdmins[0]?.addedAt as Date).getTime()).toBeGreaterThanOrEqual(before);
    await first.close();

    const second = await startFixtureCloud({ dataDir, ...appCloudPolicy(['o-admin-2', 'o-admin-3']) });
    const secondAdmins = await admins(second);
    expect(secondAdmins.map((doc) => doc._id)).toEqual(['o-admin-1', 'o-admin-2', 'o-admin-3']);
    // An existing entry is left as it was.
    expect(secondAdmins[1]).toEqual(firstAdmins[1]);
    await second.close();

    expect(() => appCloudPolicy(['not an openid!'])).toThrow();
  });
});

describe('the app envelope for failed calls', () => {
  it('answers INTERNAL in Chinese for a crash, and the envelope for a bad request', async () => {
    const t = await startFixtureCloud({ errorBody: appErrorBody });
    try {
      const crash = await post(`${t.cloud.url}/functions/crash`, JSON.stringify({ mode: 'throw' }));
      expect(crash).toMatchObject({
        status: 200,
        json: { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } },
      });
      const bad = await post(`${t.cloud.url}/functions/echo`, '{nope');
      expect(bad).toMatchObject({
        status: 400,
        json: { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求内容不是有效的 JSON' } },
      });
      const missing = await post(`${t.cloud.url}/functions/nope`, '{}');
      expect(missing).toMatchObject({ status: 404, json: { ok: false, error: { code: 'NOT_FOUND' } } });
    } finally {
      await t.close();
    }
  });
});
