import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable, Writable } from 'stream';

import config from '../../playwright.config';
import { Cleanup } from './cleanup';

/**
 * Debian's Chromium driven over the DevTools protocol on a pipe with the Target, Page and Runtime domains only.
 * Playwright turns on the Network domain for every page it controls, which adds a round of messages to every
 * request: on these 2-core machines that alone made 5,000 session reads about a fifth slower. An admin's browser
 * has no such probe, so the loader is timed here; Playwright still drives the typing of the filtering run.
 */
export class PlainChromium {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; method: string }>();
  private listeners = new Set<(message: CdpMessage) => void>();
  /** Why Chromium is gone, once it is: every call after that fails at once. */
  private gone?: string;
  private stderrTail = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly userDataDir: string
  ) {
    const output = child.stdio[4] as Readable;
    let buffer = '';
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        try {
          this.dispatch(JSON.parse(text));
        } catch (error) {
          this.fail(`unreadable DevTools message (${String(error)})`);
        }
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2000);
    });
    // A dead pipe or a failed start: report through the pending calls, never as an uncaught error.
    (child.stdio[3] as Writable).on('error', (error) => this.fail(`pipe to Chromium: ${error.message}`));
    output.on('error', (error) => this.fail(`pipe from Chromium: ${error.message}`));
    child.on('error', (error) => this.fail(`could not run Chromium: ${error.message}`));
    child.once('exit', (code, signal) => this.fail(`Chromium exited (${signal ?? `code ${code}`})`));
  }

  private fail(why: string): void {
    this.gone ??= why;
    const detail = this.stderrTail.trim()
      ? `\nChromium said: ${this.stderrTail.trim().split('\n').slice(-5).join('\n')}`
      : '';
    this.pending.forEach(({ reject, method }) => reject(new Error(`${method}: ${why}${detail}`)));
    this.pending.clear();
  }

  /** The executable and flags of playwright.config.ts, headless, with its own throw-away profile. */
  static async launch(cleanup: Cleanup): Promise<PlainChromium> {
    const launchOptions = config.use?.launchOptions ?? {};
    const executable = launchOptions.executablePath ?? '/usr/bin/chromium';
    if (!existsSync(executable)) {
      throw new Error(
        `No Chromium at ${executable}: install Debian's (apt-get install chromium), or set CHROMIUM_PATH.`
      );
    }
    const viewport = config.use?.viewport ?? { width: 1600, height: 1000 };
    const userDataDir = mkdtempSync(join(tmpdir(), 'sessioncontrol-bench-chromium-'));
    const args = [
      ...(launchOptions.args ?? []),
      '--headless=new',
      '--remote-debugging-pipe',
      `--user-data-dir=${userDataDir}`,
      `--window-size=${viewport.width},${viewport.height}`,
      'about:blank',
    ];
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const browser = new PlainChromium(child, userDataDir);
    cleanup.add('the plain Chromium', () => browser.close());
    await browser.send('Browser.getVersion');
    return browser;
  }

  async version(): Promise<string> {
    const { product } = await this.send('Browser.getVersion');
    return String(product).replace(/^[^/]*\//, '');
  }

  /**
   * A new tab with `initScript` run before any page script, navigated to `url`. `onProblem` hears the page's
   * uncaught errors and console errors from before the navigation on.
   */
  async openPage(url: string, initScript: string, onProblem: (problem: string) => void = () => undefined) {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new PlainPage(this, sessionId, targetId, onProblem);
    await this.send('Runtime.enable', {}, sessionId);
    await this.send('Page.enable', {}, sessionId);
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source: initScript }, sessionId);
    const { errorText } = await this.send('Page.navigate', { url }, sessionId);
    if (errorText) {
      await page.close();
      throw new Error(`Chromium could not open ${url}: ${errorText}`);
    }
    return page;
  }

  /** One DevTools call; fails at once when Chromium is gone, and after `timeoutMs` when it does not answer. */
  send(method: string, params: object = {}, sessionId?: string, timeoutMs = 120_000): Promise<any> {
    if (this.gone) {
      return Promise.reject(new Error(`${method}: ${this.gone}`));
    }
    const id = this.nextId++;
    const input = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer from Chromium within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const done =
        <T>(settle: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          settle(value);
        };
      this.pending.set(id, { resolve: done(resolve), reject: done(reject), method });
      input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  /** Listens to the browser's events; call the returned function to stop. */
  onMessage(listener: (message: CdpMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (!this.gone && this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.userDataDir, { recursive: true, force: true });
  }

  private dispatch(message: CdpMessage): void {
    const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
    if (waiting) {
      this.pending.delete(message.id!);
      if (message.error) {
        waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      } else {
        waiting.resolve(message.result);
      }
      return;
    }
    this.listeners.forEach((listener) => listener(message));
  }
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: any;
  result?: any;
  error?: { message: string };
}

export class PlainPage {
  private readonly stopListening: () => void;

  constructor(
    private readonly browser: PlainChromium,
    private readonly sessionId: string,
    private readonly targetId: string,
    onProblem: (problem: string) => void
  ) {
    this.stopListening = browser.onMessage((message) => {
      if (message.sessionId !== this.sessionId) {
        return;
      }
      if (message.method === 'Runtime.exceptionThrown') {
        onProblem(`page error: ${message.params.exceptionDetails.exception?.description ?? 'unknown'}`);
      } else if (message.method === 'Runtime.consoleAPICalled' && message.params.type === 'error') {
        const text = message.params.args.map(
          (a: { value?: unknown; description?: string }) => a.value ?? a.description
        );
        onProblem(`console error: ${text.join(' ')}`);
      }
    });
  }

  /** Runs `fn(arg)` in the page and returns its (awaited) result, which must be JSON. */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const expression = `(${fn.toString()})(${JSON.stringify(arg)})`;
    const { result, exceptionDetails } = await this.browser.send(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      this.sessionId
    );
    if (exceptionDetails) {
      throw new Error(`In the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value as R;
  }

  async close(): Promise<void> {
    this.stopListening();
    await this.browser.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}
