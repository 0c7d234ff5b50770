import path from 'node:path';
import { startLocalCloud } from './index';

/** Runs the local cloud alone (used by `npm start` and by tests that need a separate process). */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const cloud = await startLocalCloud({
    port: Number(process.env.LOCAL_CLOUD_PORT ?? 8900),
    dataDir: path.resolve(process.env.LOCAL_CLOUD_DATA_DIR ?? path.join(root, '.local-cloud')),
    functionsDir: path.resolve(process.env.LOCAL_CLOUD_FUNCTIONS_DIR ?? path.join(root, 'cloudfunctions')),
    manifestPath: path.resolve(
      process.env.LOCAL_CLOUD_MANIFEST ?? path.join(root, 'cloudbase/manifest.json'),
    ),
    timers: process.env.LOCAL_CLOUD_TIMERS !== 'off',
    adminOpenids: (process.env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  });
  console.log(`local cloud ready at ${cloud.url} (serviceUrl ${cloud.serviceUrl})`);
  const stop = () => {
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`local cloud failed to start: ${(error as Error).message}`);
  process.exit(1);
});
