/**
 * The real-browser harness: `npm start` (tools/start.ts) on a free port with a fresh data
 * directory, Debian's Chromium driven by playwright-core, and a session per user that fails on
 * anything the preview could not render (`data-preview-missing`), on any page error, and that
 * saves a screenshot of every page it visits to test/e2e/screenshots/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  selectors,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR = path.join(__dirname, 'screenshots');
/** A staff OPENID, made staff through ADMIN_OPENIDS as `npm start` does. */
export const STAFF_OPENID = 'o-e2e-staff';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Headless, and quiet: without the networking flags Chromium keeps calling hosts it cannot reach. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const START_TIMEOUT_MS = 120_000;
/**
 * Where TDesign's icon font lives for WeChat. The preview draws the icons itself, so a request there
 * is a defect: it is cut at once (the host is unreachable offline) and fails the journey.
 */
const ICON_FONT_HOST = 'https://tdesign.gtimg.com/';
const VIEWPORT = { width: 1000, height: 900 };

// ---------------------------------------------------------------------------------------------
// The app: npm start

export interface RunningApp {
  url: string;
  dataDir: string;
  /** What npm start printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs tools/start.ts (what `npm start` runs) and waits for its `ready` line. With E2E_URL set,
 * uses that running `npm start` instead (started with ADMIN_OPENIDS=o-e2e-staff); the journeys
 * then add their enquiries and news to its data.
 */
export async function startApp(): Promise<RunningApp> {
  if (process.env.E2E_URL) {
    const url = process.env.E2E_URL.replace(/\/$/, '');
    return { url, dataDir: '', output: () => '', stop: async () => undefined };
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdr-e2e-'));
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tools/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOCAL_CLOUD_PORT: String(port),
      LOCAL_CLOUD_DATA_DIR: dataDir,
      ADMIN_OPENIDS: STAFF_OPENID,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no "ready" in ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready$/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`));
    });
  });
  if (!output.includes(`Preview          http://127.0.0.1:${port}/`)) {
    throw new Error(`npm start did not serve the preview:\n${output}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

let engineRegistered = false;

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`,
    );
  }
  if (!engineRegistered) {
    // `wx=#field-name`: WXML ids live in exparser, not in the DOM (see __preview.query).
    await selectors.register('wx', () => ({
      query(root: Element | Document, selector: string) {
        const found = (window as unknown as { __preview: { query(s: string): Element[] } }).__preview.query(
          selector,
        );
        return found.find((element) => root === element || root.contains(element)) ?? null;
      },
      queryAll(root: Element | Document, selector: string) {
        const found = (window as unknown as { __preview: { query(s: string): Element[] } }).__preview.query(
          selector,
        );
        return found.filter((element) => root === element || root.contains(element));
      },
    }));
    engineRegistered = true;
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

// ---------------------------------------------------------------------------------------------
// A user in the preview

let shotCounter = 0;

export function clearScreenshots(): void {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
}

export class Session {
  readonly errors: string[] = [];

  private constructor(
    readonly app: RunningApp,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly openid: string,
    private readonly journey: string,
  ) {}

  /** A fresh browser profile (storage of its own) acting as `openid`, light unless told. */
  static async open(
    browser: Browser,
    app: RunningApp,
    openid: string,
    journey: string,
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<Session> {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', colorScheme });
    const page = await context.newPage();
    const session = new Session(app, context, page, openid, journey);
    await context.route(`${ICON_FONT_HOST}**`, (route) => route.abort());
    page.on('pageerror', (error) => session.errors.push(`page error: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') session.errors.push(`console error: ${message.text()}`);
    });
    page.on('requestfailed', (request) => {
      session.errors.push(
        `request failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`,
      );
    });
    await page.goto(`${app.url}/?openid=${encodeURIComponent(openid)}`);
    await page.waitForSelector('body[data-preview-ready]');
    await session.settle();
    return session;
  }

  /** An element by WXML selector in the top page: `#id` or `.class`, then `>> css` inside it. */
  wx(selector: string): Locator {
    return this.page.locator(`wx=${selector}`).first();
  }

  /** The visible text of the first element matching `selector`, trimmed. */
  async text(selector: string): Promise<string> {
    return (await this.wx(selector).innerText()).trim();
  }

  /** Waits until an element matching `selector` shows `text`. */
  async waitForText(selector: string, text: string | RegExp): Promise<void> {
    await this.page.locator(`wx=${selector}`).filter({ hasText: text }).first().waitFor();
  }

  /** Waits for function calls and page hooks in flight to finish. */
  async settle(): Promise<void> {
    await this.page.evaluate(() =>
      (window as unknown as { __preview: { idle(): Promise<void> } }).__preview.idle(),
    );
  }

  async tap(selector: string): Promise<void> {
    await this.wx(selector).click();
    await this.settle();
  }

  async route(): Promise<string> {
    return this.page.evaluate(() => {
      const stack = (window as unknown as { __preview: { stack(): { route: string }[] } }).__preview.stack();
      return stack[stack.length - 1]?.route ?? '';
    });
  }

  /** Waits until `route` is the top page, then checks and photographs it. */
  async arrive(route: string, name = route.split('/').slice(-2, -1)[0] ?? route): Promise<void> {
    await this.page.waitForFunction((expected) => {
      const stack = (window as unknown as { __preview: { stack(): { route: string }[] } }).__preview.stack();
      return stack[stack.length - 1]?.route === expected;
    }, route);
    await this.settle();
    await this.snap(name);
  }

  /** Fails on anything missing or any error so far, and saves the phone as it looks now. */
  async snap(name: string): Promise<void> {
    await this.settle();
    // Transitions (a popup sliding in) end before the picture; endless ones (spinners) do not count.
    await this.page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    await this.assertClean();
    shotCounter += 1;
    const file = `${String(shotCounter).padStart(2, '0')}-${this.journey}-${name}.png`;
    await this.page.locator('#preview-phone').screenshot({ path: path.join(SCREENSHOT_DIR, file) });
  }

  async assertClean(): Promise<void> {
    const problems = await this.page.evaluate(() => {
      const list = (selector: string, attribute: string) =>
        [...document.querySelectorAll(selector)].map((element) => element.getAttribute(attribute) ?? '');
      return {
        missing: list('[data-preview-missing]', 'data-preview-missing'),
        errors: list('[data-preview-error]', 'data-preview-error'),
      };
    });
    const found = [
      ...problems.missing.map((label) => `data-preview-missing: ${label}`),
      ...problems.errors.map((where) => `page error shown in the frame: ${where}`),
      ...this.errors,
    ];
    if (found.length > 0) {
      throw new Error(`the preview of ${await this.route()} is not clean:\n  ${found.join('\n  ')}`);
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** What a journey file's tests use: the running app and sessions that are checked after each test. */
export interface JourneySuite {
  /** The app `npm start` runs for this file (set before the first test). */
  readonly app: RunningApp;
  /** Opens a user's session; after the test it is checked (nothing missing, no page error) and closed. */
  session(openid: string, journey: string, colorScheme?: 'light' | 'dark'): Promise<Session>;
}

/**
 * Registers a journey file's hooks: one app and one browser for the file, every session opened by
 * a test checked and closed after it, both stopped after the last test.
 */
export function journeySuite(): JourneySuite {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  const started = (): { app: RunningApp; browser: Browser } => {
    if (!app || !browser) throw new Error('the journey suite has not started (beforeAll failed?)');
    return { app, browser };
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 180_000);

  afterEach(async () => {
    for (const opened of sessions.splice(0)) {
      try {
        await opened.assertClean();
      } finally {
        await opened.close();
      }
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  return {
    get app() {
      return started().app;
    },
    async session(openid, journey, colorScheme = 'light') {
      const running = started();
      const opened = await Session.open(running.browser, running.app, openid, journey, colorScheme);
      sessions.push(opened);
      return opened;
    },
  };
}

/** Calls a function of the app as the mini program would for `openid`; its data, or throws with its error. */
export async function callFunction<T>(
  app: RunningApp,
  name: string,
  event: unknown,
  openid: string,
): Promise<T> {
  const response = await fetch(`${app.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(event),
  });
  const answer = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!answer.ok) throw new Error(`${name} ${JSON.stringify(event)}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}
