/**
 * WeChat's privacy authorisation (app.json `__usePrivacyCheck__`) as the base library runs it,
 * over an installed `wx`: until the user agrees, a privacy-scoped API is held and handed to the
 * `wx.onNeedPrivacyAuthorization` listener registered last (the platform keeps only that one),
 * with the API's name as `referrer`. The call goes on after `resolve({ event: 'agree', buttonId })`
 * and fails with "privacy permission is not authorized" after `disagree`; consent, once given,
 * holds for every page.
 */

export type PrivacyResolution = { event: string; buttonId?: string };
type Resolve = (result: PrivacyResolution) => void;
export type PrivacyListener = (resolve: Resolve, eventInfo: { referrer: string }) => void;

type Callbacks = {
  success?: (result: unknown) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: (result: unknown) => void;
};
type Api = (options?: Callbacks & Record<string, unknown>) => unknown;

export interface PrivacyRuntime {
  /** The listener registered last. */
  listener(): PrivacyListener | undefined;
  /** What the listener resolved each held call with, oldest first. */
  readonly resolutions: PrivacyResolution[];
  readonly openPrivacyContract: jest.Mock;
}

/**
 * Puts the gate in front of `apis` on the installed `wx` (install any mock of them first: it runs
 * only once the user agreed) and adds the privacy APIs themselves.
 */
export function installPrivacy(apis: readonly string[]): PrivacyRuntime {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  let listener: PrivacyListener | undefined;
  let agreed = false;
  const resolutions: PrivacyResolution[] = [];

  const gate =
    (name: string, run: Api): Api =>
    (options = {}) => {
      if (agreed) return run(options);
      if (!listener)
        throw new Error(`wx.${name} was held for privacy authorisation, but no listener is registered`);
      // Without callbacks a wx API answers with a promise.
      const promised = !options.success && !options.fail && !options.complete;
      let answer: { resolve(value: unknown): void; reject(error: unknown): void } | undefined;
      const result = promised
        ? new Promise((resolve, reject) => {
            answer = { resolve, reject };
          })
        : undefined;
      listener(
        (resolution) => {
          resolutions.push(resolution);
          // WeChat checks that the agreement came from a tapped agreePrivacyAuthorization button.
          if (resolution.event === 'agree' && resolution.buttonId) {
            agreed = true;
            const ran = run(options);
            answer?.resolve(ran);
          } else if (resolution.event === 'disagree') {
            const error = { errMsg: `${name}:fail privacy permission is not authorized` };
            options.fail?.(error);
            options.complete?.(error);
            answer?.reject(error);
          }
        },
        { referrer: name },
      );
      return result;
    };

  for (const name of apis) {
    const run = wx[name];
    if (typeof run !== 'function') throw new Error(`wx.${name} is not installed: install its mock first`);
    wx[name] = gate(name, run as Api);
  }
  const runtime: PrivacyRuntime = {
    listener: () => listener,
    resolutions,
    openPrivacyContract: jest.fn((options: Callbacks) => options.success?.({})),
  };
  Object.assign(wx, {
    onNeedPrivacyAuthorization: jest.fn((next: PrivacyListener) => (listener = next)),
    openPrivacyContract: runtime.openPrivacyContract,
  });
  return runtime;
}
