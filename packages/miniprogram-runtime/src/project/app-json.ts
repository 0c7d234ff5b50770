/**
 * app.json as the tools read it: the pages, the subpackages and which package a file belongs to.
 * Used by the benchmark (package sizes), the upload plan and the browser preview.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SubpackageEntry {
  root: string;
  name?: string;
  pages?: string[];
}

export interface TabBarItem {
  pagePath: string;
  text?: string;
  iconPath?: string;
  selectedIconPath?: string;
}

export interface AppJson {
  pages: string[];
  subPackages?: SubpackageEntry[];
  subpackages?: SubpackageEntry[];
  window?: Record<string, unknown>;
  tabBar?: { custom?: boolean; list?: TabBarItem[] } & Record<string, unknown>;
  usingComponents?: Record<string, string>;
  style?: string;
  themeLocation?: string;
  sitemapLocation?: string;
  workers?: string | { path: string };
}

/** A subpackage: its name (app.json `name`, else its root) and its folder, without slashes around. */
export interface Subpackage {
  name: string;
  root: string;
}

/** The package of every file outside a subpackage. */
export const MAIN_PACKAGE = 'main';

export function readJsonFile(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

/**
 * `<miniprogramDir>/app.json`, refused (as WeChat refuses it) without a list of `pages` or with a
 * subpackage that has no `root`.
 */
export function readAppJson(miniprogramDir: string): AppJson {
  const file = path.join(miniprogramDir, 'app.json');
  const app = readJsonFile(file) as AppJson | null;
  if (!app || typeof app !== 'object' || !Array.isArray(app.pages)) {
    throw new Error(`${file}: "pages" must be a list of page paths`);
  }
  for (const sub of subpackageEntries(app)) {
    if (typeof sub?.root !== 'string' || sub.root === '') {
      throw new Error(`${file}: every subpackage needs a "root" folder`);
    }
  }
  return app;
}

/** Both spellings app.json accepts, in that order. */
export function subpackageEntries(app: AppJson): SubpackageEntry[] {
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])];
}

export function subpackagesOf(app: AppJson): Subpackage[] {
  return subpackageEntries(app).map((sub) => {
    const root = trimSlashes(sub.root);
    return { name: sub.name ?? root, root };
  });
}

/** Every page route app.json lists: the main package's, then each subpackage's. */
export function pagesOf(app: AppJson): string[] {
  return [
    ...app.pages,
    ...subpackageEntries(app).flatMap((sub) =>
      (sub.pages ?? []).map((page) => path.posix.join(trimSlashes(sub.root), page)),
    ),
  ];
}

/**
 * The package a file belongs to (`file` relative to the mini program root, forward slashes): the
 * subpackage whose root holds it, else the main package.
 */
export function packageOf(subpackages: readonly Subpackage[], file: string): string {
  return (
    subpackages.find((sub) => file === sub.root || file.startsWith(`${sub.root}/`))?.name ?? MAIN_PACKAGE
  );
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '');
}
