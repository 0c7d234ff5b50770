/**
 * Plans as text for a person: every function with its settings, every collection with its indexes
 * and rules, every file to upload with the package sizes. Secret values are never printed.
 */
import { describeVariable, type EnvReport } from './env';
import {
  CLIENT_STORAGE_FOLDERS,
  type DeployPlan,
  type FunctionPlan,
  type SeedPlan,
  type StorageRule,
} from './plan';
import { MAIN_PACKAGE, type ExclusionReason, type UploadCheck, type UploadPlan } from './upload-plan';

const KB = 1024;
const MB = KB * KB;

export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${(bytes / MB).toFixed(2)} MB`;
}

function heading(zh: string, en: string, dryRun: boolean): string {
  const mode = dryRun ? '演练：不连接网络，不改变任何东西 / dry run: no network, nothing changes' : '';
  return [`${zh} / ${en}`, mode].filter(Boolean).join('\n');
}

/** Values of variables whose name says secret are shown as set, never as themselves. */
function shown(name: string, value: string): string {
  return /SECRET|KEY$/.test(name) ? '（已设置 / set）' : value;
}

export function printEnv(report: EnvReport, names: readonly string[]): string {
  const width = Math.max(...names.map((name) => name.length));
  return names
    .map((name) => {
      const value = report.values[name];
      const invalid = report.invalid.find((item) => item.name === name);
      const status =
        value !== undefined
          ? `✓ ${shown(name, value)}`
          : invalid
            ? `✗ 格式不正确 / invalid: ${invalid.message}`
            : `✗ 未设置 / missing — ${describeVariable(name)}`;
      const defaulted = report.defaulted.includes(name) ? '（未设置，用默认值 / unset, default）' : '';
      return `  ${name.padEnd(width)}  ${status}${defaulted}`;
    })
    .join('\n');
}

function envNames(report: EnvReport): string[] {
  return [...Object.keys(report.values), ...report.missing, ...report.invalid.map((item) => item.name)];
}

function envEntry(fn: FunctionPlan, key: string, value: string): string {
  return fn.fromEnvironment.includes(key) ? `${key}=$${key} (local: ${value})` : `${key}=${value}`;
}

function printFunction(fn: FunctionPlan, report: EnvReport): string {
  const env = [
    ...Object.entries(fn.envVariables).map(([key, value]) => envEntry(fn, key, value)),
    ...fn.deploymentVariables.map((key) => `${key}=$${key} (${report.values[key] ?? 'not set'})`),
  ];
  const lines = [
    `  ${fn.name}  (${fn.dir})${fn.description ? `  ${fn.description}` : ''}`,
    `    runtime ${fn.runtime} · handler ${fn.handler} · timeout ${fn.timeout} s · memory ${fn.memorySize} MB`,
    `    env: ${env.length ? env.join(', ') : '—'}`,
    `    timer triggers: ${fn.triggers.length ? fn.triggers.map((t) => `${t.name} "${t.config}"`).join(', ') : '—'}`,
    `    open API permissions: ${fn.openapi.length ? fn.openapi.join(', ') : '—'}`,
    `    files: ${fn.files.map((file) => `${file.path} ${formatBytes(file.bytes)}`).join(', ')} ` +
      `(total ${formatBytes(fn.bytes)})`,
  ];
  return lines.join('\n');
}

export function printDeployPlan(plan: DeployPlan, dryRun: boolean): string {
  const source = plan.source.commit
    ? `commit ${plan.source.commit}` +
      (plan.source.uncommitted.length
        ? `, uncommitted: ${plan.source.uncommitted.join(', ')} (a rollback to this commit would not restore them)`
        : '')
    : 'not a git checkout';
  const parts = [
    heading('部署计划', 'Deploy plan', dryRun),
    `环境 / Environment: ${plan.envIdVariable} = ${plan.envId ?? '（未设置 / not set）'} · region ${plan.region}`,
    `源码 / Source: ${source}`,
    '',
    `云函数 / Cloud functions (${plan.functions.length}):`,
    ...plan.functions.map((fn) => printFunction(fn, plan.env)),
    '',
  ];
  if (plan.includesDatabase) {
    parts.push(`集合 / Collections (${plan.collections.length}), each created if absent:`);
    for (const collection of plan.collections) {
      parts.push(`  ${collection.name}  rules ${JSON.stringify(collection.rules)}`);
      if (collection.indexes.length === 0) parts.push('    indexes: —');
      for (const index of collection.indexes) {
        const keys = index.keys
          .map((key) => `${key.field} ${key.direction === 1 ? 'asc' : 'desc'}`)
          .join(', ');
        parts.push(`    index ${index.name}${index.unique ? ' (unique)' : ''}: ${keys}`);
      }
    }
    if (plan.storageRule) parts.push('', ...printStorageRule(plan.storageRule));
  } else {
    parts.push(
      '集合 / Collections: 不变（--only 只部署所列云函数）/ untouched (--only deploys the named functions only)',
    );
  }
  const withOpenApi = plan.functions.filter((fn) => fn.openapi.length > 0);
  if (withOpenApi.length > 0) parts.push('', openApiNotice(withOpenApi));
  parts.push('', '环境变量 / Environment variables:', printEnv(plan.env, envNames(plan.env)));
  return parts.join('\n');
}

function printStorageRule(rule: StorageRule): string[] {
  const folders = CLIENT_STORAGE_FOLDERS.map((folder) => `${folder}/`).join(', ');
  return [
    '云存储安全规则 / Cloud storage security rule (custom):',
    `  客户端只能读取 ${folders} 中的文件、只能写入自己在其中上传的文件；exports/ 及其他目录仅云函数可访问。`,
    `  Clients read only in ${folders} and write only their own files there; exports/ and all else: functions only.`,
    `  read:  ${rule.read}`,
    `  write: ${rule.write}`,
  ];
}

/** The one setting @cloudbase/manager-node cannot apply; see README 上线指南 step 4. */
export function openApiNotice(functions: FunctionPlan[]): string {
  return [
    '云调用权限 / Open API permissions:',
    ...functions.map((fn) => `  ${fn.name}: ${fn.openapi.join(', ')}`),
    '  @cloudbase/manager-node 不登记云调用权限；首次部署或权限列表变化后，按 README「上线指南 · 4. 云调用权限」在微信开发者工具中上传一次这些函数。',
    '  @cloudbase/manager-node does not register them; after the first deploy or a change, see README 上线指南 step 4.',
  ].join('\n');
}

const REASONS: Record<ExclusionReason, string> = {
  'type-declaration': '类型声明 / type declarations',
  'type-only': '只含类型的模块 / modules of types only',
  'source-map': 'source maps',
  test: '测试 / tests',
  'dev-config': '开发配置 / dev config',
  'pack-options': 'project.config.json packOptions.ignore',
  'not-uploadable': '微信不接受的文件类型 / file types WeChat does not accept',
};

const CHECK_MARKS: Record<UploadCheck['level'], string> = { blocking: '✗', warning: '!', info: '·' };

export function printUploadPlan(plan: UploadPlan, dryRun: boolean): string {
  const what = plan.mode === 'upload' ? ['上传计划', 'Upload plan'] : ['预览计划', 'Preview plan'];
  const parts = [
    heading(what[0] as string, what[1] as string, dryRun),
    `AppID ${plan.appid ?? '（未设置 / not set）'} · version ${plan.version} · description "${plan.description}"`,
    `项目 / Project: ${plan.projectPath} (miniprogramRoot ${plan.miniprogramRoot})`,
    '',
    '代码包 / Packages (limit per package):',
  ];
  for (const pkg of plan.packages) {
    const label = pkg.name === MAIN_PACKAGE ? 'main' : `${pkg.name} (${pkg.root})`;
    const budget = pkg.overBudget ? '  ✗ OVER BUDGET / 超出上限' : '';
    parts.push(
      `  ${label.padEnd(28)} ${formatBytes(pkg.bytes).padStart(9)} / ${formatBytes(pkg.limitBytes)}  ` +
        `${pkg.files} files${budget}`,
    );
  }
  parts.push(`  ${'total'.padEnd(28)} ${formatBytes(plan.totalBytes).padStart(9)}`, '');
  parts.push(`上传的文件 / Files to upload (${plan.files.length}):`);
  for (const pkg of plan.packages) {
    parts.push(`  [${pkg.name}]`);
    for (const file of plan.files.filter((f) => f.package === pkg.name)) {
      const from = file.source ? `  ← ${file.source}` : '';
      parts.push(`    ${file.path}  ${formatBytes(file.bytes)}${from}`);
    }
  }
  const byReason = new Map<ExclusionReason, string[]>();
  for (const item of plan.excluded)
    byReason.set(item.reason, [...(byReason.get(item.reason) ?? []), item.path]);
  parts.push('', `不上传 / Left out (${plan.excluded.length}):`);
  for (const [reason, paths] of byReason) {
    parts.push(`  ${REASONS[reason]}: ${paths.length}`);
    // Declarations come by the hundred with TDesign; the other reasons are worth seeing one by one.
    if (reason !== 'type-declaration') parts.push(...paths.map((p) => `    ${p}`));
  }
  parts.push('', '检查 / Checks:');
  parts.push(
    ...(plan.checks.length ? plan.checks.map((c) => `  ${CHECK_MARKS[c.level]} ${c.message}`) : ['  —']),
  );
  parts.push('', '环境变量 / Environment variables:', printEnv(plan.env, envNames(plan.env)));
  return parts.join('\n');
}

export function printSeedPlan(plan: SeedPlan, dryRun: boolean): string {
  const parts = [
    heading('种子数据计划', 'Seed plan', dryRun),
    `环境 / Environment: ${plan.envIdVariable} = ${plan.envId ?? '（未设置 / not set）'}`,
    '只在这些集合全部为空时写入；只插入缺少的 _id，从不覆盖已有文档。',
    'Writes only while these collections are all empty; inserts missing _ids only, never overwrites.',
    '',
  ];
  for (const collection of plan.collections) {
    parts.push(`  ${collection.name} (${collection.documents.length}):`);
    parts.push(...collection.documents.map((doc) => `    ${doc._id}${doc.label ? `  ${doc.label}` : ''}`));
  }
  parts.push('', '环境变量 / Environment variables:', printEnv(plan.env, envNames(plan.env)));
  return parts.join('\n');
}
