/**
 * Applies a deploy plan to a CloudBase environment with @cloudbase/manager-node: collections,
 * indexes and security rules first (functions rely on them, e.g. the unique index that makes
 * enquiry submission idempotent), then the storage security rule, then each function's code,
 * settings and timer triggers.
 * Every step is idempotent: running a deploy twice changes nothing the second time.
 */
import type CloudBase from '@cloudbase/manager-node';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, ROOT } from '../build/paths';
import { attempt, DeployError } from './errors';
import {
  resolveEnvVariables,
  type CollectionPlan,
  type DeployPlan,
  type FunctionPlan,
  type TriggerPlan,
} from './plan';

/** The parts of the manager this module uses; tests hand in a recording fake. */
export type CloudManager = Pick<CloudBase, 'database' | 'functions' | 'commonService' | 'storage'>;

export interface CloudCredentials {
  envId: string;
  secretId: string;
  secretKey: string;
  region: string;
}

/** Where each function's deployable files are gathered, so exactly the planned files are uploaded. */
const STAGING_DIR = path.join(BUILD_DIR, 'deploy');

export async function connect(credentials: CloudCredentials): Promise<CloudManager> {
  // Loaded here only: a dry run never even loads the network client.
  const { default: Manager } = await import('@cloudbase/manager-node');
  return new Manager(credentials);
}

export interface ApplyOptions {
  envId: string;
  /** Environment values for `{{env.NAME}}` references in functions' config.json. */
  envValues: Record<string, string>;
  log: (line: string) => void;
}

export async function applyDeploy(
  manager: CloudManager,
  plan: DeployPlan,
  options: ApplyOptions,
): Promise<void> {
  if (plan.includesDatabase) {
    const conflicts: string[] = [];
    for (const collection of plan.collections) {
      const found = await attempt(`集合 / collection ${collection.name}`, () =>
        applyCollection(manager, collection, options),
      );
      conflicts.push(...found);
    }
    if (conflicts.length > 0) {
      throw new DeployError(
        [
          '云端已有同名但定义不同的索引，未部署云函数 / indexes differ from the manifest; functions were not deployed:',
          ...conflicts.map((line) => `  ${line}`),
          '在 云开发控制台 → 数据库 → 该集合 → 索引管理 中删除这些索引，再运行 npm run deploy（会按清单重建）。',
          'Delete them in the console (数据库 → collection → 索引管理) and run npm run deploy again to recreate them.',
        ].join('\n'),
      );
    }
  }
  if (plan.storageRule) {
    const rule = plan.storageRule;
    // Before the functions: the first export must not land in a bucket clients can read.
    await attempt('云存储安全规则 / storage security rule', () =>
      manager.storage.setStorageAcl('CUSTOM', rule),
    );
    options.log(`云存储安全规则 / storage rule: ${JSON.stringify(rule)}`);
  }
  for (const fn of plan.functions) {
    const envVariables = resolveEnvVariables(fn, options.envValues);
    await attempt(`云函数 / function ${fn.name}`, () =>
      deployFunction(manager, fn, envVariables, options.log),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Database

type PlannedIndex = CollectionPlan['indexes'][number];

interface CloudIndex {
  Name?: string;
  Keys?: { Name?: string; Direction?: string | number }[];
  Unique?: boolean;
}

/** Creates the collection and its missing indexes, sets its rules; answers index conflicts. */
async function applyCollection(
  manager: CloudManager,
  collection: CollectionPlan,
  { envId, log }: ApplyOptions,
): Promise<string[]> {
  const { name } = collection;
  const created = await manager.database.createCollectionIfNotExists(name);
  log(`集合 ${name}: ${created.IsCreated ? 'created / 已创建' : 'exists / 已存在'}`);

  const described = await manager.database.describeCollection(name);
  const existing = (described.Indexes ?? []) as CloudIndex[];
  const missing: PlannedIndex[] = [];
  const conflicts: string[] = [];
  for (const index of collection.indexes) {
    const found = existing.find((candidate) => candidate.Name === index.name);
    if (!found) missing.push(index);
    else if (!sameIndex(found, index))
      conflicts.push(`${name}.${index.name}: cloud ${describeCloudIndex(found)}`);
  }
  if (missing.length > 0) {
    await manager.database.updateCollection(name, { CreateIndexes: missing.map(createIndexRequest) });
    log(`  indexes created: ${missing.map((index) => index.name).join(', ')}`);
  }

  // A custom rule that is exactly the manifest's: no client may read or write.
  await manager.commonService().call({
    Action: 'ModifySafeRule',
    Param: { EnvId: envId, CollectionName: name, AclTag: 'CUSTOM', Rule: JSON.stringify(collection.rules) },
  });
  log(`  rules ${JSON.stringify(collection.rules)}`);
  return conflicts;
}

export function createIndexRequest(index: PlannedIndex) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.keys.map((key) => ({ Name: key.field, Direction: String(key.direction) })),
      MgoIsUnique: index.unique,
    },
  };
}

function sameIndex(cloud: CloudIndex, planned: PlannedIndex): boolean {
  const keys = cloud.Keys ?? [];
  return (
    Boolean(cloud.Unique) === planned.unique &&
    keys.length === planned.keys.length &&
    planned.keys.every(
      (key, i) => keys[i]?.Name === key.field && Number(keys[i]?.Direction) === key.direction,
    )
  );
}

function describeCloudIndex(index: CloudIndex): string {
  const keys = (index.Keys ?? []).map((key) => `${key.Name} ${key.Direction}`).join(', ');
  return `${keys}${index.Unique ? ' (unique)' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Functions

interface CloudTrigger {
  Type?: string;
  TriggerName?: string;
  TriggerDesc?: string;
}

async function deployFunction(
  manager: CloudManager,
  fn: FunctionPlan,
  envVariables: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const functionPath = stage(fn);
  const func = {
    name: fn.name,
    description: fn.description,
    runtime: fn.runtime,
    handler: fn.handler,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    envVariables,
    // Bundled by the build: nothing to install in the cloud.
    installDependency: false,
  };
  const existing = await findFunction(manager, fn.name);
  if (!existing) {
    await manager.functions.createFunction({ func: { ...func, triggers: fn.triggers }, functionPath });
    log(`云函数 ${fn.name}: created / 已创建 (${fn.triggers.length} timer triggers)`);
    return;
  }
  if (existing.Runtime && existing.Runtime !== fn.runtime) {
    log(
      `  ! ${fn.name} 在云端的运行时是 ${existing.Runtime}，计划为 ${fn.runtime}；运行时只能在创建时指定，` +
        `见 README「上线指南」更换运行时。 / ${fn.name} runs on ${existing.Runtime} in the cloud; a runtime is ` +
        `fixed at creation (planned ${fn.runtime}): see README 上线指南 to move it.`,
    );
  }
  await manager.functions.updateFunctionCode({ func, functionPath });
  await manager.functions.waitFunctionActive(fn.name);
  await manager.functions.updateFunctionConfig(func);
  await manager.functions.waitFunctionActive(fn.name);
  const triggers = await reconcileTriggers(manager, fn, (existing.Triggers ?? []) as CloudTrigger[]);
  log(`云函数 ${fn.name}: code and settings updated / 代码与配置已更新${triggers}`);
}

/** Copies exactly the planned files, so nothing else in the folder (src/, maps) is uploaded. */
function stage(fn: FunctionPlan): string {
  const dir = path.join(STAGING_DIR, fn.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const { path: file } of fn.files) fs.copyFileSync(path.join(ROOT, fn.dir, file), path.join(dir, file));
  return dir;
}

async function findFunction(manager: CloudManager, name: string) {
  try {
    return await manager.functions.getFunctionDetail(name);
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? '').startsWith('ResourceNotFound')) return undefined;
    throw error;
  }
}

/** Makes the cloud's timer triggers equal the planned ones: stale or changed ones go, missing ones come. */
async function reconcileTriggers(
  manager: CloudManager,
  fn: FunctionPlan,
  cloud: CloudTrigger[],
): Promise<string> {
  const timers = cloud.filter((trigger) => trigger.Type === 'timer');
  const matches = (planned: TriggerPlan, trigger: CloudTrigger) =>
    trigger.TriggerName === planned.name && cronOf(trigger.TriggerDesc) === planned.config.trim();
  const stale = timers.filter((trigger) => !fn.triggers.some((planned) => matches(planned, trigger)));
  const missing = fn.triggers.filter((planned) => !timers.some((trigger) => matches(planned, trigger)));
  for (const trigger of stale)
    await manager.functions.deleteFunctionTrigger(fn.name, trigger.TriggerName ?? '');
  if (missing.length > 0) await manager.functions.createFunctionTriggers(fn.name, missing);
  const changes = [
    ...stale.map((trigger) => `-${trigger.TriggerName}`),
    ...missing.map((trigger) => `+${trigger.name}`),
  ];
  return changes.length > 0 ? `; timer triggers ${changes.join(' ')}` : '';
}

/** SCF reports a timer's schedule as `{"cron":"…"}` or as the bare expression. */
function cronOf(description: string | undefined): string {
  if (!description) return '';
  try {
    const parsed = JSON.parse(description) as { cron?: unknown };
    if (typeof parsed.cron === 'string') return parsed.cron.trim();
  } catch {
    // Not JSON: the expression itself.
  }
  return description.trim();
}
