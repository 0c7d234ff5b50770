/**
 * `npm run seed:cloud`: loads the region's seed content (cloudbase/seed) into the CloudBase
 * environment, with the same seeding as the local cloud: only documents whose `_id` is absent are
 * inserted, nothing is ever overwritten. It writes only while the seed collections are all empty,
 * so content staff have since deleted does not come back; `--fill-missing` adds the missing seed
 * documents to a non-empty environment anyway.
 *
 *   npm run seed:cloud -- [--dry-run] [--fill-missing]
 */
import { parseCommandLine, runCommand, UsageError } from './cli';
import { attempt, DeployError } from './errors';
import { CLOUD_CREDENTIALS, loadDotEnv, requireEnv } from './env';
import { planSeed, readCloudbaserc } from './plan';
import { printSeedPlan } from './print';

const USAGE = 'usage: npm run seed:cloud -- [--dry-run] [--fill-missing]';

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    args,
    { 'dry-run': { type: 'boolean' }, 'fill-missing': { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}\n${USAGE}`);
  const dryRun = values['dry-run'] ?? false;

  loadDotEnv();
  const rc = readCloudbaserc();
  const credentials = dryRun ? undefined : requireEnv([rc.envIdVariable, ...CLOUD_CREDENTIALS]);
  const plan = planSeed();
  console.log(printSeedPlan(plan, dryRun));
  if (!credentials) return 0;

  // Loaded here only: a dry run never loads the network client.
  const { default: tcb } = await import('@cloudbase/node-sdk');
  const app = tcb.init({
    env: credentials[rc.envIdVariable] as string,
    secretId: credentials.TENCENTCLOUD_SECRETID as string,
    secretKey: credentials.TENCENTCLOUD_SECRETKEY as string,
  });

  const counts = await Promise.all(
    plan.collections.map(({ name }) =>
      attempt(`集合 / collection ${name}`, async () => {
        try {
          const { total } = await app.database().collection(name).count();
          return [name, total] as const;
        } catch (error) {
          if ((error as { code?: unknown }).code === 'DATABASE_COLLECTION_NOT_EXIST') {
            throw new DeployError(
              `集合 ${name} 不存在：先运行 npm run deploy / collection ${name} is missing: run npm run deploy first`,
            );
          }
          throw error;
        }
      }),
    ),
  );
  const nonEmpty = counts.filter(([, total]) => total > 0);
  if (nonEmpty.length > 0 && !values['fill-missing']) {
    console.log(
      `\nseed:cloud: 环境中已有内容，未写入任何数据 / the environment has content already, nothing was written ` +
        `(${nonEmpty.map(([name, total]) => `${name}: ${total}`).join(', ')}).\n` +
        '  若要补齐缺少的种子条目（会恢复工作人员删除的种子条目），使用 --fill-missing。' +
        '\n  To add missing seed documents anyway (this restores seed items staff deleted), use --fill-missing.',
    );
    return 0;
  }

  const { seedDatabase } = await import('../seed');
  const report = await attempt('种子数据 / seeding', () => seedDatabase(app));
  console.log(`\nseed:cloud: done / 完成 ${JSON.stringify(report)}`);
  return 0;
}

runCommand('seed:cloud', () => main(process.argv.slice(2)));
