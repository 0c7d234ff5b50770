/**
 * The shared contract (`contract/`: constants, models, API types, validation rules, dictionaries)
 * lives at the top level, but a mini program can ship only files under `miniprogram/`. This step
 * mirrors it into `miniprogram/contract/`, a generated, git-ignored folder that the mini program
 * imports; the cloud functions import `contract/` directly and bundle it.
 *
 *   tsx tools/build/contract.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_DIR, ROOT, relativeToRoot } from './paths';

export const CONTRACT_DIR = path.join(ROOT, 'contract');
export const MINIPROGRAM_CONTRACT_DIR = path.join(MINIPROGRAM_DIR, 'contract');

const HEADER = '// Generated from contract/ by `npm run build`: edit the original, not this copy.\n';

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Mirrors `contract/` into the mini program; answers the files it wrote or removed (none when in step). */
export function syncContract(): string[] {
  const changed: string[] = [];
  const sources = listFiles(CONTRACT_DIR);
  for (const file of sources) {
    const target = path.join(MINIPROGRAM_CONTRACT_DIR, file);
    const body = HEADER + fs.readFileSync(path.join(CONTRACT_DIR, file), 'utf8');
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === body) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, body);
    changed.push(relativeToRoot(target));
  }
  const wanted = new Set(sources);
  for (const file of listFiles(MINIPROGRAM_CONTRACT_DIR)) {
    if (wanted.has(file)) continue;
    const stale = path.join(MINIPROGRAM_CONTRACT_DIR, file);
    fs.rmSync(stale);
    changed.push(relativeToRoot(stale));
  }
  return changed;
}

if (require.main === module) syncContract();
