import path from 'node:path';
import { startLocalCloud } from './index';
import { defaultOpenApiStandIns } from './openapi/stand-ins';
import type { LocalCloud, LocalCloudOptions } from './types';

/**
 * Runs the local cloud as its own process. Its paths come from the environment or the command line
 * (the package has no defaults of its own):
 *
 * | variable | argument | |
 * | --- | --- | --- |
 * | `LOCAL_CLOUD_FUNCTIONS_DIR` | `--functions <dir>` | required: one folder per built function |
 * | `LOCAL_CLOUD_MANIFEST` | `--manifest <file>` | required: collections, indexes, rules |
 * | `LOCAL_CLOUD_DATA_DIR` | `--data <dir>` | required: where data persists |
 * | `LOCAL_CLOUD_PORT` | `--port <n>` | default 8900; 0 picks a free port |
 * | `LOCAL_CLOUD_TIMERS=off` | `--no-timers` | timers fire only on demand |
 * | `LOCAL_CLOUD_OPEN_API=default` | `--open-api default` | answer cloud calls with `defaultOpenApiStandIns` (else none) |
 *
 * Prints `local cloud ready at <url> (serviceUrl <url>/admin)` once it serves; SIGINT/SIGTERM stop it.
 */
const DEFAULT_PORT = 8900;

export function optionsFromEnvironment(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): LocalCloudOptions {
  const args = new Map<string, string>();
  let timers = env.LOCAL_CLOUD_TIMERS !== 'off';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--no-timers') timers = false;
    else if (
      ['--functions', '--manifest', '--data', '--port', '--open-api'].includes(arg) &&
      argv[i + 1] !== undefined
    )
      args.set(arg, argv[++i] as string);
    else throw new Error(`Unknown argument ${arg}`);
  }
  const required = (flag: string, variable: string): string => {
    const value = args.get(flag) ?? env[variable];
    if (!value) throw new Error(`Give ${flag} <path> or ${variable}`);
    return path.resolve(value);
  };
  const port = Number(args.get('--port') ?? (env.LOCAL_CLOUD_PORT || DEFAULT_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port ${port}`);
  const openApi = args.get('--open-api') ?? env.LOCAL_CLOUD_OPEN_API;
  if (openApi !== undefined && openApi !== 'default')
    throw new Error(`Unknown open-API stand-ins "${openApi}"`);
  return {
    ...(openApi ? { openApi: defaultOpenApiStandIns } : {}),
    port,
    functionsDir: required('--functions', 'LOCAL_CLOUD_FUNCTIONS_DIR'),
    manifestPath: required('--manifest', 'LOCAL_CLOUD_MANIFEST'),
    dataDir: required('--data', 'LOCAL_CLOUD_DATA_DIR'),
    timers,
  };
}

/** Starts a local cloud from the environment plus `extra` options, prints the ready line and stops on a signal. */
export async function runCli(extra: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  let cloud: LocalCloud;
  try {
    cloud = await startLocalCloud({ ...optionsFromEnvironment(), ...extra });
  } catch (error) {
    console.error(`local cloud failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`local cloud ready at ${cloud.url} (serviceUrl ${cloud.serviceUrl})`);
  const stop = () => {
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return cloud;
}

if (require.main === module) void runCli();
