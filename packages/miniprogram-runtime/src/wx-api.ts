/**
 * WeChat's calling convention for asynchronous APIs: given any of `success`/`fail`/`complete`,
 * the callbacks are called (success or fail, then complete) and nothing is returned; given none,
 * a promise is returned that resolves with the result or rejects with the failure. Every result
 * carries `errMsg`: `<name>:ok`, or `<name>:fail <reason>`.
 */
export type Data = Record<string, unknown>;

export interface WxCallbacks {
  success?: (res: Data) => void;
  fail?: (res: Data) => void;
  complete?: (res: Data) => void;
}

export type WxArgs = Data & WxCallbacks;

/** What a run answers: the result's own fields, or nothing for a bare `<name>:ok`. */
export type WxRun<A> = (args: A) => Data | void | Promise<Data | void>;

/**
 * A wx-style async API around `run`. `run` answers the result fields or throws: a thrown object
 * that has an `errMsg` is the failure as it is; anything else becomes `<name>:fail <message>`,
 * keeping a numeric `errno` when the error carries one.
 */
export function wxAsyncApi<A extends Data = Data>(
  name: string,
  run: WxRun<A>,
): (args?: A & WxCallbacks) => Promise<Data> | undefined {
  return (args = {} as A & WxCallbacks) => {
    const outcome = Promise.resolve()
      .then(() => run(args))
      .then(
        (result) => ({ ok: true as const, res: { errMsg: `${name}:ok`, ...(result ?? {}) } }),
        (error: unknown) => ({ ok: false as const, res: wxFailure(name, error) }),
      );
    if (!args.success && !args.fail && !args.complete) {
      return outcome.then(({ ok, res }) => (ok ? res : Promise.reject(res)));
    }
    void outcome.then(({ ok, res }) => {
      if (ok) args.success?.(res);
      else args.fail?.(res);
      args.complete?.(res);
    });
    return undefined;
  };
}

/** The failure result for `error` thrown by API `name`. */
export function wxFailure(name: string, error: unknown): Data {
  if (error && typeof error === 'object' && !(error instanceof Error) && 'errMsg' in error) {
    return error as Data;
  }
  const message = error instanceof Error ? error.message : String(error);
  const errno = error && typeof error === 'object' && 'errno' in error ? (error as Data).errno : undefined;
  return { errMsg: `${name}:fail ${message}`, ...(errno === undefined ? {} : { errno }) };
}

/**
 * Answers a call with `res` as a failure in whichever form the caller used: callbacks when it
 * passed any, otherwise a rejected promise.
 */
export function failCall(args: WxCallbacks | undefined, res: Data): Promise<Data> | undefined {
  if (args && (args.fail || args.complete)) {
    args.fail?.(res);
    args.complete?.(res);
    return undefined;
  }
  return Promise.reject(res);
}
