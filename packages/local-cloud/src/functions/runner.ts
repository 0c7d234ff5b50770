import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/** The parts of a function's `config.json` the local cloud honours. */
const configSchema = z.object({
  timeout: z.number().positive().max(900).default(3),
  memorySize: z.number().optional(),
  envVariables: z.record(z.string(), z.string()).default({}),
  triggers: z
    .array(z.object({ name: z.string().min(1), type: z.literal('timer'), config: z.string().min(1) }))
    .default([]),
  permissions: z
    .object({ openapi: z.array(z.string()).default([]) })
    .partial()
    .optional(),
});

export type FunctionConfig = z.infer<typeof configSchema>;

/** What started an invocation: a mini-program user, a timer trigger, or a server-side caller. */
export type Trigger = 'miniprogram' | 'timer' | 'server';

export interface Invocation {
  event: Record<string, unknown>;
  trigger: Trigger;
  /** The caller's WeChat identity, as the platform injects it; absent for timers and server callers. */
  userInfo?: { openId: string; appId: string };
}

/** A running invocation, found by the cloud-call token its instance was given. */
export interface RunningInvocation {
  function: string;
  trigger: Trigger;
  openId?: string;
  permissions: readonly string[];
}

export type InvocationOutcome =
  | { status: 'ok'; result: unknown }
  | { status: 'error'; reason: 'threw' | 'timeout' | 'crashed'; detail: string };

/** The AppID the local cloud reports for the mini program. */
export const LOCAL_APPID = 'wx-local-appid';
/** The client address a local caller has, as `WX_CLIENTIP` reports it. */
const LOCAL_CLIENT_IP = '127.0.0.1';
/** Idle instances kept warm per function. */
const MAX_IDLE = 8;
/** Instances per function at once; further calls wait for one, as under a concurrency quota. */
const MAX_INSTANCES = 10;

interface Instance {
  worker: Worker;
  version: number;
  /** Settles once the function's code has loaded (or the instance died trying). */
  ready: Promise<void>;
  pending?: { id: string; resolve: (outcome: InvocationOutcome) => void; timer: NodeJS.Timeout };
}

interface FunctionEntry {
  name: string;
  dir: string;
  config: FunctionConfig;
  idle: Instance[];
  /** Instances alive, idle or busy. */
  live: number;
  /** Calls waiting for an instance, oldest first. */
  waiters: ((instance: Instance) => void)[];
  version: number;
}

export class UnknownFunctionError extends Error {}

/** Runs built functions (`<functionsDir>/<name>/index.js`) in worker threads, like CloudBase instances. */
export class FunctionRunner {
  private readonly functions = new Map<string, FunctionEntry>();
  private readonly busy = new Set<Instance>();
  /** Cloud-call tokens of the invocations now running. */
  private readonly tokens = new Map<string, RunningInvocation>();

  constructor(
    private readonly functionsDir: string,
    private readonly baseEnv: Record<string, string>,
    private readonly log: (line: string) => void,
  ) {}

  /** Names of the functions that are built (have index.js and config.json). */
  names(): string[] {
    if (!fs.existsSync(this.functionsDir)) return [];
    return fs
      .readdirSync(this.functionsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
      .map((entry) => entry.name)
      .filter((name) =>
        ['index.js', 'config.json'].every((file) => fs.existsSync(path.join(this.functionsDir, name, file))),
      )
      .sort();
  }

  /** The running invocation a cloud-call token was issued to; none once it has ended. */
  invocationOf(token: string): RunningInvocation | undefined {
    return this.tokens.get(token);
  }

  config(name: string): FunctionConfig {
    return this.entry(name).config;
  }

  private entry(name: string): FunctionEntry {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name) || !this.names().includes(name)) {
      throw new UnknownFunctionError(`No such function: ${name}`);
    }
    const dir = path.join(this.functionsDir, name);
    const version =
      fs.statSync(path.join(dir, 'index.js')).mtimeMs + fs.statSync(path.join(dir, 'config.json')).mtimeMs;
    let entry = this.functions.get(name);
    if (!entry || entry.version !== version) {
      // A rebuilt function gets fresh instances, as after a deployment.
      entry?.idle.forEach((instance) => void instance.worker.terminate());
      const raw = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as unknown;
      const parsed = configSchema.safeParse(raw);
      if (!parsed.success)
        throw new Error(`Invalid ${name}/config.json: ${parsed.error.issues[0]?.message ?? ''}`);
      entry = { name, dir, config: parsed.data, idle: [], live: 0, waiters: [], version };
      this.functions.set(name, entry);
    }
    return entry;
  }

  private spawn(entry: FunctionEntry): Instance {
    const worker = new Worker(path.join(__dirname, 'worker.cjs'), {
      // The instance's own process.env (not the host's, and never shared with it): the platform's
      // variables and the function's config; the worker adds each invocation's context to it.
      env: { ...this.baseEnv, ...entry.config.envVariables, SCF_FUNCTIONNAME: entry.name },
      workerData: { entry: path.join(entry.dir, 'index.js') },
    });
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const instance: Instance = { worker, version: entry.version, ready };
    entry.live += 1;
    worker.on('message', (message: { type: string; id?: string; result?: unknown; error?: string }) => {
      if (message.type === 'ready') {
        markReady();
        return;
      }
      const pending = instance.pending;
      if (message.type === 'crash') {
        this.log(`[${entry.name}] ${message.error ?? ''}`);
        return;
      }
      if (!pending || pending.id !== message.id) return;
      clearTimeout(pending.timer);
      instance.pending = undefined;
      this.busy.delete(instance);
      if (message.type === 'result') pending.resolve({ status: 'ok', result: message.result });
      else pending.resolve({ status: 'error', reason: 'threw', detail: message.error ?? '' });
      this.release(entry, instance);
    });
    const fail = (detail: string) => {
      const pending = instance.pending;
      instance.pending = undefined;
      this.busy.delete(instance);
      entry.idle = entry.idle.filter((other) => other !== instance);
      if (pending) {
        clearTimeout(pending.timer);
        pending.resolve({ status: 'error', reason: 'crashed', detail });
      }
    };
    worker.on('error', (error) => fail(`${error.name}: ${error.message}`));
    worker.on('exit', (code) => {
      markReady();
      fail(`instance exited with code ${code}`);
      entry.live -= 1;
      // A waiting call takes the place of the instance that ended.
      const next = entry.waiters.shift();
      if (next && this.functions.get(entry.name) === entry) next(this.spawn(entry));
    });
    return instance;
  }

  private release(entry: FunctionEntry, instance: Instance): void {
    const current = instance.version === entry.version && this.functions.get(entry.name) === entry;
    const next = current ? entry.waiters.shift() : undefined;
    if (next) {
      next(instance);
    } else if (current && entry.idle.length < MAX_IDLE) {
      entry.idle.push(instance);
    } else {
      void instance.worker.terminate();
    }
  }

  private acquire(entry: FunctionEntry): Promise<Instance> {
    const idle = entry.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (entry.live < MAX_INSTANCES) return Promise.resolve(this.spawn(entry));
    return new Promise((resolve) => entry.waiters.push(resolve));
  }

  /** Invokes a function; never throws for what the function does (throws, hangs, crashes). */
  async invoke(name: string, invocation: Invocation): Promise<InvocationOutcome> {
    const entry = this.entry(name);
    const instance = await this.acquire(entry);
    // The cold start is not part of the invocation's time limit.
    await instance.ready;
    const id = randomUUID();
    const timeoutMs = entry.config.timeout * 1000;
    const token = randomUUID();
    const env = invocationEnv(invocation, id, token);
    const context = {
      request_id: id,
      function_name: name,
      namespace: this.baseEnv.SCF_NAMESPACE,
      time_limit_in_ms: timeoutMs,
      memory_limit_in_mb: entry.config.memorySize ?? 256,
      environment: JSON.stringify(env),
    };
    const event = invocation.userInfo
      ? { ...invocation.event, userInfo: invocation.userInfo }
      : invocation.event;
    this.tokens.set(token, {
      function: name,
      trigger: invocation.trigger,
      openId: invocation.userInfo?.openId,
      permissions: entry.config.permissions?.openapi ?? [],
    });
    const outcome = await new Promise<InvocationOutcome>((resolve) => {
      const timer = setTimeout(() => {
        instance.pending = undefined;
        this.busy.delete(instance);
        entry.idle = entry.idle.filter((other) => other !== instance);
        void instance.worker.terminate();
        resolve({
          status: 'error',
          reason: 'timeout',
          detail: `${name} ran past its ${entry.config.timeout}s timeout`,
        });
      }, timeoutMs);
      instance.pending = { id, resolve, timer };
      this.busy.add(instance);
      instance.worker.postMessage({ id, event, context, env });
    });
    this.tokens.delete(token);
    return outcome;
  }

  async close(): Promise<void> {
    const all = [...this.busy, ...[...this.functions.values()].flatMap((entry) => entry.idle)];
    this.functions.clear();
    this.busy.clear();
    await Promise.all(all.map((instance) => instance.worker.terminate()));
  }
}

/**
 * The invocation's context, set in the instance's process.env for the length of the call as
 * CloudBase does: node-sdk's `getCloudbaseContext()` reads the names listed in `WX_CONTEXT_KEYS`
 * (so `app.auth().getUserInfo()` and wx-server-sdk's `cloud.getWXContext()` see the caller), and
 * `utils/wxCloudToken.js` takes the cloud-call token from `WX_API_TOKEN`, or from
 * `WX_TRIGGER_API_TOKEN_V0` when `TRIGGER_SRC=timer`.
 */
function invocationEnv(invocation: Invocation, requestId: string, token: string): Record<string, string> {
  const env: Record<string, string> = { TCB_SEQID: requestId, WX_APPID: LOCAL_APPID };
  if (invocation.trigger === 'timer') {
    env.TRIGGER_SRC = 'timer';
    env.WX_TRIGGER_API_TOKEN_V0 = token;
  } else {
    env.WX_API_TOKEN = token;
  }
  if (invocation.userInfo) {
    env.WX_OPENID = invocation.userInfo.openId;
    env.WX_APPID = invocation.userInfo.appId;
    env.WX_CLIENTIP = LOCAL_CLIENT_IP;
    env.TCB_SOURCE = 'wx_client';
  }
  env.WX_CONTEXT_KEYS = Object.keys(env)
    .filter((key) => key.startsWith('WX_') && key !== 'WX_TRIGGER_API_TOKEN_V0')
    .join(',');
  return env;
}
