/**
 * The page part of `npm run bench`: measures every page app.json lists (bench/pages.ts) and writes
 * the figures to the JSON file named by `BENCH_PAGES_OUT` for bench/index.ts. Run through jest's
 * API with bench/jest.config.cjs; a page that fails to render fails its test, and so the bench.
 */
import fs from 'node:fs';
import { listPages } from './app-json';
import { startPageBench, type FirstScreen, type PageBench, type PageMeasurement } from './pages';

const START_TIMEOUT_MS = 120_000;
/** Cold and warm loads of the first screen, each. */
const FIRST_SCREEN_RUNS = 9;

const routes = listPages();
const measured = new Map<string, PageMeasurement>();
let bench: PageBench | undefined;
let firstScreen: FirstScreen | undefined;

beforeAll(async () => {
  bench = await startPageBench();
}, START_TIMEOUT_MS);

afterAll(async () => {
  await bench?.close();
  const pages = routes.flatMap((route) => measured.get(route) ?? []);
  const out = process.env.BENCH_PAGES_OUT;
  if (out) fs.writeFileSync(out, JSON.stringify({ pages, firstScreen }, null, 2));
  else {
    console.table(pages.map(({ query: _query, setDataBytes: _bytes, ...figures }) => figures));
    if (firstScreen)
      console.table([{ page: firstScreen.page, coldMs: firstScreen.coldMs, warmMs: firstScreen.warmMs }]);
  }
});

it.each(routes)('%s renders with real data', async (route) => {
  if (!bench) throw new Error('the page bench did not start (see beforeAll)');
  measured.set(route, await bench.measure(route));
});

it('shows the first screen from a cold and from a warm content instance', async () => {
  if (!bench) throw new Error('the page bench did not start (see beforeAll)');
  firstScreen = await bench.firstScreen(FIRST_SCREEN_RUNS);
});
