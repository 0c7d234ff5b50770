/** What the deployment commands share: argument parsing and turning failures into clear exits. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BuildError } from '../build/types';
import { DeployError } from './errors';
import { EnvError } from './env';
import { PlanError } from './plan';

/** Wrong arguments; the message carries the usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommandLine<T extends ParseArgsConfig['options']>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** Failures a person can act on from the message alone: no stack trace for them. */
const EXPECTED = [UsageError, EnvError, PlanError, DeployError, BuildError];

/**
 * Runs a command and exits with its code. Exiting explicitly: the cloud SDKs keep connections
 * alive after their last request, which would hold the process open.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const expected = EXPECTED.some((type) => error instanceof type);
      console.error(
        `${name}: ${expected ? (error as Error).message : ((error as Error)?.stack ?? String(error))}`,
      );
      process.exit(1);
    },
  );
}
