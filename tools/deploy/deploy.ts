/**
 * `npm run deploy`: builds, then creates or updates the CloudBase environment named by
 * cloudbaserc.json: every collection with its indexes and server-only rules from the manifest,
 * then every function from its built folder with its config.json settings and timer triggers.
 *
 *   npm run deploy -- --dry-run          print the plan; no network, no credentials needed
 *   npm run deploy -- --only <function>  that function only (repeat or comma-separate); the
 *                                        database is left alone (used to roll a function back)
 */
import { build } from '../build';
import { parseCommandLine, runCommand, UsageError } from './cli';
import { applyDeploy, connect } from './cloudbase';
import { CLOUD_CREDENTIALS, envIsComplete, EnvError, formatEnvProblems, loadDotEnv, requireEnv } from './env';
import { planDeploy, readCloudbaserc } from './plan';
import { openApiNotice, printDeployPlan } from './print';

const USAGE = 'usage: npm run deploy -- [--dry-run] [--only <function>[,<function>…]]';

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    args,
    { 'dry-run': { type: 'boolean' }, only: { type: 'string', multiple: true } },
    USAGE,
  );
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}\n${USAGE}`);
  const dryRun = values['dry-run'] ?? false;
  const only = (values.only ?? [])
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);

  loadDotEnv();
  const rc = readCloudbaserc();
  // Before building: a missing credential should not cost a build to find out.
  const credentials = dryRun ? undefined : requireEnv([rc.envIdVariable, ...CLOUD_CREDENTIALS]);

  await build({ quiet: true });
  const plan = planDeploy({ only });
  console.log(printDeployPlan(plan, dryRun));
  if (!credentials) return 0;
  if (!envIsComplete(plan.env)) throw new EnvError(formatEnvProblems(plan.env));

  const envId = credentials[rc.envIdVariable] as string;
  console.log(`\ndeploy: applying to ${envId} …`);
  const manager = await connect({
    envId,
    secretId: credentials.TENCENTCLOUD_SECRETID as string,
    secretKey: credentials.TENCENTCLOUD_SECRETKEY as string,
    region: plan.region,
  });
  await applyDeploy(manager, plan, { envId, envValues: plan.env.values, log: (line) => console.log(line) });

  const withOpenApi = plan.functions.filter((fn) => fn.openapi.length > 0);
  if (withOpenApi.length > 0) console.log(`\n${openApiNotice(withOpenApi)}`);
  console.log(
    `\ndeploy: done / 部署完成.` +
      (plan.source.commit
        ? ` 记录这次部署以便回滚 / tag it for rollbacks:\n  git tag -a deploy-$(date +%Y%m%d-%H%M) ${plan.source.commit} -m "deploy to ${envId}" && git push --tags`
        : ''),
  );
  return 0;
}

runCommand('deploy', () => main(process.argv.slice(2)));
