/**
 * `npm start`: builds what changed, starts the local cloud with the browser preview of the mini
 * program on the same port, seeds the region's content on the first run, and prints where
 * everything is. Ctrl-C stops it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from './build';
import { MINIPROGRAM_DIR, MINIPROGRAM_NPM_DIR, ROOT } from './build/paths';
import { DEFAULT_OPENID, startLocalCloud } from '@cdr/local-cloud';
import {
  adminOpenidsFromEnvironment,
  APP_DATA_DIR,
  APP_FUNCTIONS_DIR,
  APP_MANIFEST,
  appCloudPolicy,
} from './local-cloud';
import { createPreview, type Preview } from '@cdr/preview';
import { seedDatabase } from './seed';
import { localSdk } from './local-sdk';

const SEED_MARKER = 'seeded.json';

async function main(): Promise<void> {
  await build({ quiet: true });

  const dataDir = path.resolve(process.env.LOCAL_CLOUD_DATA_DIR || APP_DATA_DIR);
  const adminOpenids = adminOpenidsFromEnvironment();
  const preview = await startPreview(adminOpenids);
  const cloud = await startLocalCloud({
    port: Number(process.env.LOCAL_CLOUD_PORT || 8900),
    dataDir,
    functionsDir: APP_FUNCTIONS_DIR,
    manifestPath: APP_MANIFEST,
    timers: true,
    ...appCloudPolicy(adminOpenids),
    ...(preview ? { extraRoutes: preview.routes } : {}),
  });

  // Seeding inserts what is missing and never overwrites; the marker keeps later starts from re-adding
  // seed items that staff have since removed.
  const marker = path.join(dataDir, SEED_MARKER);
  if (!fs.existsSync(marker)) {
    const app = localSdk(cloud.serviceUrl);
    const report = await seedDatabase(app);
    fs.writeFileSync(marker, `${JSON.stringify({ at: new Date().toISOString(), ...report }, null, 2)}\n`);
    console.log(`seeded the region's content: ${JSON.stringify(report)}`);
  }

  const previewLine = preview
    ? `  Preview          ${cloud.url}/   (the mini program in a browser; pick an OPENID at the top)`
    : '  Preview          unavailable (see the error above)';
  console.log(`
${previewLine}
  Local cloud      ${cloud.url}
    health         ${cloud.url}/health
    server API     ${cloud.serviceUrl}   (tcb.init({ serviceUrl }))
    functions      POST ${cloud.url}/functions/<name>   (header x-wx-openid)
    open-API log   ${cloud.url}/_local/outbox
  Data             ${dataDir}

ready`);

  const stop = () => {
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The preview is built at each start; a page that does not build must not keep the cloud from starting. */
async function startPreview(staffOpenids: string[]): Promise<Preview | null> {
  try {
    return await createPreview({
      defaultOpenid: DEFAULT_OPENID,
      staffOpenids,
      miniprogramDir: MINIPROGRAM_DIR,
      miniprogramNpmDir: MINIPROGRAM_NPM_DIR,
      root: ROOT,
    });
  } catch (error) {
    console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
