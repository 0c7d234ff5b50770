/**
 * Uploads the mini program (a new 开发版 for review) or prints a preview QR code, with
 * miniprogram-ci and the project's own settings (project.config.json: TypeScript compile plugin,
 * minify, unused-file filtering, packOptions).
 */
import type * as MiniprogramCi from 'miniprogram-ci';
import type { UploadPlan } from './upload-plan';

/** The parts of miniprogram-ci this module uses; tests hand in a recording fake. */
export type CiModule = Pick<typeof MiniprogramCi, 'Project' | 'upload' | 'preview'>;

export interface UploadCredentials {
  appid: string;
  privateKeyPath: string;
}

type ProgressListener = NonNullable<Parameters<CiModule['upload']>[0]['onProgressUpdate']>;

/** Uploads made by this tool show as「CI 机器人 1」in 版本管理. */
const CI_ROBOT = 1;

export interface PackageSize {
  name: string;
  size: number;
}

export async function runUpload(
  plan: UploadPlan,
  credentials: UploadCredentials,
  log: (line: string) => void,
  ci?: CiModule,
): Promise<PackageSize[]> {
  // Loaded here only: requiring miniprogram-ci takes about a second and a dry run does not need it.
  const { Project, upload, preview } = ci ?? (await import('miniprogram-ci'));
  const project = new Project({
    appid: credentials.appid,
    type: 'miniProgram',
    projectPath: plan.projectPath,
    privateKeyPath: credentials.privateKeyPath,
    ignores: plan.ciIgnores,
  });
  const onProgressUpdate: ProgressListener = (task) => {
    if (typeof task === 'string') log(task);
    else if (task.status !== 'doing') log(`${task.status}: ${task.message}`);
  };
  const common = {
    project,
    version: plan.version,
    desc: plan.description,
    setting: { useProjectConfig: true },
    robot: CI_ROBOT,
    onProgressUpdate,
  };
  const result =
    plan.mode === 'upload'
      ? await upload(common)
      : // `terminal` prints the QR code right here, for scanning with WeChat.
        await preview({ ...common, qrcodeFormat: 'terminal' });
  return result.subPackageInfo ?? [];
}

/** miniprogram-ci names the whole package `__FULL__` and the main package `__APP__`. */
export function describeSizes(sizes: PackageSize[]): string {
  const label = (name: string) => (name === '__FULL__' ? 'total' : name === '__APP__' ? 'main' : name);
  return sizes.map((entry) => `  ${label(entry.name).padEnd(20)} ${entry.size} bytes`).join('\n');
}
