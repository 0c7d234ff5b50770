/**
 * `npm run upload` / `npm run preview:qr`: builds npm for the mini program, then uploads it as the
 * 开发版 (version and description from package.json) or prints a preview QR code to scan.
 *
 *   tsx tools/deploy/upload.ts <upload|preview> [--dry-run]
 *
 * `--dry-run` prints every file with the package sizes and checks the 2 MB limits; no network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../build';
import { parseCommandLine, runCommand, UsageError } from './cli';
import { attempt } from './errors';
import { EnvError, loadDotEnv, requireEnv, UPLOAD_CREDENTIALS } from './env';
import { describeSizes, runUpload } from './miniprogram';
import { readCloudbaserc } from './plan';
import { printUploadPlan } from './print';
import { isBlocked, planUpload } from './upload-plan';

const USAGE = 'usage: tsx tools/deploy/upload.ts <upload|preview> [--dry-run]';
const MODES = ['upload', 'preview'] as const;

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { 'dry-run': { type: 'boolean' } }, USAGE);
  const mode = MODES.find((candidate) => candidate === positionals[0]);
  if (!mode || positionals.length !== 1) throw new UsageError(USAGE);
  const dryRun = values['dry-run'] ?? false;

  loadDotEnv();
  const rc = readCloudbaserc();
  // The environment ID is required too: the upload checks the app's CLOUD_ENV_ID against it.
  const credentials = dryRun ? undefined : requireEnv([...UPLOAD_CREDENTIALS, rc.envIdVariable]);
  const privateKeyPath = credentials && path.resolve(credentials.WX_PRIVATE_KEY_PATH as string);
  if (privateKeyPath && !fs.existsSync(privateKeyPath)) {
    throw new EnvError(`WX_PRIVATE_KEY_PATH: 找不到密钥文件 / no such file: ${privateKeyPath}`);
  }

  // Builds npm (miniprogram_npm), which the package must contain.
  await build({ quiet: true });
  const plan = planUpload({ mode });
  console.log(printUploadPlan(plan, dryRun));
  if (isBlocked(plan)) {
    console.error(
      `\n${mode}: 上面标 ✗ 的检查未通过 / the checks marked ✗ failed; nothing was ${mode === 'upload' ? 'uploaded' : 'sent'}.`,
    );
    return 1;
  }
  if (!credentials || !privateKeyPath) return 0;

  const appid = credentials.WX_APPID as string;
  const sizes = await attempt(`${mode} ${appid}`, () =>
    runUpload(plan, { appid, privateKeyPath }, (line) => console.log(line)),
  );
  console.log(
    `\n${mode}: done / 完成. 微信计算的包大小 / sizes as WeChat counted them:\n${describeSizes(sizes)}`,
  );
  console.log(
    mode === 'upload'
      ? `已上传为开发版 ${plan.version}：到 微信公众平台 → 管理 → 版本管理 → 开发版本，设为体验版或提交审核。`
      : '用微信扫描上面的二维码预览（二维码 25 分钟内有效）。',
  );
  return 0;
}

runCommand(process.argv[2] === 'preview' ? 'preview:qr' : 'upload', () => main(process.argv.slice(2)));
