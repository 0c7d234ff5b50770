import { listPages } from '../../bench/app-json';
import { describeViolation, pageViolations } from '../../bench/budgets';
import { startPageBench, type PageBench } from '../../bench/pages';

/**
 * The quick page budget check of `npm test` (`npm run bench` measures the same way): every page
 * app.json lists, rendered with real data, stays within the first-setData and WXML-node budgets of
 * bench/budgets.ts. A page that cannot be rendered with real data fails here too.
 */

const START_TIMEOUT_MS = 120_000;

const routes = listPages();
let bench: PageBench | undefined;

beforeAll(async () => {
  bench = await startPageBench();
}, START_TIMEOUT_MS);

afterAll(async () => {
  await bench?.close();
});

describe('page budgets', () => {
  it.each(routes)('%s stays within its first-setData and WXML-node budgets', async (route) => {
    if (!bench) throw new Error('the page bench did not start (see beforeAll)');
    const measured = await bench.measure(route);
    expect(pageViolations([measured]).map(describeViolation)).toEqual([]);
  });
});
