/**
 * The repository's app.json for the benchmark: where project.config.json puts the mini program,
 * read through the shared project module (packages/miniprogram-runtime/src/project).
 */
import path from 'node:path';
import {
  pagesOf,
  readAppJson as readApp,
  readJsonFile,
  type AppJson,
} from '../packages/miniprogram-runtime/src/project';

export type { AppJson };
export { readJsonFile };

const ROOT = path.resolve(__dirname, '..');
export const PROJECT_CONFIG = path.join(ROOT, 'project.config.json');

/** The mini program root named by project.config.json (`miniprogram/`). */
export function miniprogramRoot(): string {
  const config = readJsonFile(PROJECT_CONFIG) as { miniprogramRoot?: string };
  return path.join(ROOT, config.miniprogramRoot ?? '');
}

export function readAppJson(root = miniprogramRoot()): AppJson {
  return readApp(root);
}

/** Every page route app.json lists at this moment: the main package's, then each subpackage's. */
export function listPages(root = miniprogramRoot()): string[] {
  return pagesOf(readApp(root));
}
