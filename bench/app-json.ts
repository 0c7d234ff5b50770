import fs from 'node:fs';
import path from 'node:path';

/** The parts of app.json the benchmark reads. */

const ROOT = path.resolve(__dirname, '..');
export const PROJECT_CONFIG = path.join(ROOT, 'project.config.json');

export interface SubpackageEntry {
  root: string;
  name?: string;
  pages?: string[];
}

export interface AppJson {
  pages?: string[];
  subPackages?: SubpackageEntry[];
  subpackages?: SubpackageEntry[];
  usingComponents?: Record<string, string>;
  tabBar?: { custom?: boolean; list?: { iconPath?: string; selectedIconPath?: string }[] };
  themeLocation?: string;
  sitemapLocation?: string;
  workers?: string | { path: string };
}

export function readJsonFile(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

/** The mini program root named by project.config.json (`miniprogram/`). */
export function miniprogramRoot(): string {
  const config = readJsonFile(PROJECT_CONFIG) as { miniprogramRoot?: string };
  return path.join(ROOT, config.miniprogramRoot ?? '');
}

export function readAppJson(root = miniprogramRoot()): AppJson {
  return readJsonFile(path.join(root, 'app.json')) as AppJson;
}

/** Both spellings app.json accepts. */
export function subpackageEntries(app: AppJson): SubpackageEntry[] {
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])];
}

/** Every page route app.json lists at this moment: the main package's, then each subpackage's. */
export function listPages(root = miniprogramRoot()): string[] {
  const app = readAppJson(root);
  return [
    ...(app.pages ?? []),
    ...subpackageEntries(app).flatMap((sub) =>
      (sub.pages ?? []).map((page) => path.posix.join(sub.root.replace(/^\/+|\/+$/g, ''), page)),
    ),
  ];
}
