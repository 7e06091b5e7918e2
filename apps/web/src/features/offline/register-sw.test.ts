import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as RegisterSwModule from './register-sw.ts';
import type { RegistrationLike, UpdateEnvironment } from './register-sw.ts';

type RegisterSw = typeof RegisterSwModule;

/** A service worker as the browser shows it to the page: its state, the messages it was sent. */
class FakeWorker {
  messages: unknown[] = [];
  private listeners: (() => void)[] = [];
  constructor(public state: string) {}
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  addEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.push(listener);
  }
  becomes(state: string) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The browser around one page: its controller, its registration, reloads and update checks. */
function fakeBrowser(options: { controlled: boolean; waiting?: FakeWorker }) {
  const updatefound: (() => void)[] = [];
  const controllerchange: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const visible: (() => void)[] = [];
  const state = { reloads: 0, checks: 0, offline: false };
  const registration: RegistrationLike & { installing: FakeWorker | null; waiting: FakeWorker | null } = {
    installing: null,
    waiting: options.waiting ?? null,
    addEventListener: (_type, listener) => void updatefound.push(listener),
    update: () => {
      state.checks += 1;
      return state.offline ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve();
    },
  };
  const env: UpdateEnvironment = {
    container: {
      controller: options.controlled ? {} : null,
      addEventListener: (_type, listener) => void controllerchange.push(listener),
    },
    reload: () => void (state.reloads += 1),
    whenVisible: (check) => void visible.push(check),
    every: (_ms, check) => void timers.push(check),
  };
  return {
    registration,
    env,
    state,
    /** A new build reached the server: the browser starts installing its worker. */
    newBuild(): FakeWorker {
      const worker = new FakeWorker('installing');
      registration.installing = worker;
      for (const listener of updatefound) listener();
      return worker;
    },
    controllerChanges: () => controllerchange.forEach((listener) => listener()),
    tabShown: () => visible.forEach((check) => check()),
    hourPasses: () => timers.forEach((check) => check()),
  };
}

let sw: RegisterSw;

beforeEach(async () => {
  // The update state belongs to the page: every test starts with a fresh one.
  vi.resetModules();
  sw = await import('./register-sw.ts');
});

describe('a new version of the app', () => {
  it('is announced once its worker is installed while the page runs the old one', () => {
    const browser = fakeBrowser({ controlled: true });
    const ready = vi.fn();
    sw.onUpdateReady(ready);
    sw.watchForUpdates(browser.registration, browser.env);

    const worker = browser.newBuild();
    expect(ready).not.toHaveBeenCalled();
    worker.becomes('installed');
    expect(ready).toHaveBeenCalledTimes(1);
    expect(sw.isUpdateReady()).toBe(true);
    // Nothing switches or reloads until the officer chooses to.
    expect(worker.messages).toEqual([]);
    expect(browser.state.reloads).toBe(0);
  });

  it('is not announced on the first install: there is no old version to leave', () => {
    const browser = fakeBrowser({ controlled: false });
    const ready = vi.fn();
    sw.onUpdateReady(ready);
    sw.watchForUpdates(browser.registration, browser.env);

    browser.newBuild().becomes('installed');
    browser.controllerChanges(); // the first worker takes the page over (clients.claim)
    expect(ready).not.toHaveBeenCalled();
    expect(sw.isUpdateReady()).toBe(false);
    expect(browser.state.reloads).toBe(0);
  });

  it('is announced at start when it already waits, also to a screen that subscribes later', () => {
    const browser = fakeBrowser({ controlled: true, waiting: new FakeWorker('installed') });
    sw.watchForUpdates(browser.registration, browser.env);
    const ready = vi.fn();
    sw.onUpdateReady(ready);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('takes over when the officer reloads, and the page reloads exactly once', () => {
    const browser = fakeBrowser({ controlled: true });
    sw.watchForUpdates(browser.registration, browser.env);
    const worker = browser.newBuild();
    worker.becomes('installed');

    sw.activateUpdate();
    sw.activateUpdate(); // a second click while the switch is under way
    expect(worker.messages).toEqual([{ type: 'veza:activate' }]);
    expect(browser.state.reloads).toBe(0); // not before the new worker serves the page

    worker.becomes('activated');
    browser.controllerChanges();
    browser.controllerChanges();
    expect(browser.state.reloads).toBe(1);
  });

  it('never reloads a tab whose user did not ask, when another tab switched', () => {
    const browser = fakeBrowser({ controlled: true });
    sw.watchForUpdates(browser.registration, browser.env);
    const worker = browser.newBuild();
    worker.becomes('installed');

    worker.becomes('activated');
    browser.controllerChanges();
    expect(browser.state.reloads).toBe(0);

    // This tab's officer reloads later: the new worker already serves the page.
    sw.activateUpdate();
    expect(worker.messages).toEqual([]);
    expect(browser.state.reloads).toBe(1);
  });

  it('is looked for when the tab is shown again and every hour, silently when offline', async () => {
    const browser = fakeBrowser({ controlled: true });
    sw.watchForUpdates(browser.registration, browser.env);
    browser.state.offline = true;
    browser.tabShown();
    browser.hourPasses();
    expect(browser.state.checks).toBe(2);
    // A rejected check must not surface as an unhandled rejection.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
