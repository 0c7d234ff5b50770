/**
 * `Page()` for hosts that only have `Component()` (miniprogram-simulate under jest and in the
 * browser): the page definition as a component definition, the way the runtime treats it.
 */
export type Data = Record<string, unknown>;

export interface PageShimOptions {
  /** The page's route (`pages/home/index`), set on every instance as `this.route`. */
  route: string;
  /**
   * How non-function fields are copied into each instance; structured clone by default (jest's
   * jsdom environment lacks `structuredClone`, so the harness hands in Node's v8 copy).
   */
  clone?: <T>(value: T) => T;
  /** Extra `created` work of the host, run after the fields are in place. */
  created?: (instance: Data) => void;
}

/**
 * Functions become methods (lifecycles included, called by whoever drives the page), other fields
 * are copied afresh onto each instance as the runtime does, and the instance knows its `route`.
 */
export function pageAsComponent(definition: Data, options: PageShimOptions): Data {
  const { data = {}, behaviors = [], options: componentOptions = {}, ...rest } = definition;
  const methods: Data = {};
  const fields: Data = {};
  for (const [name, value] of Object.entries(rest)) {
    (typeof value === 'function' ? methods : fields)[name] = value;
  }
  const clone = options.clone ?? structuredClone;
  const { route, created } = options;
  return {
    data,
    behaviors,
    options: componentOptions,
    methods,
    lifetimes: {
      created(this: Data) {
        Object.assign(this, clone(fields), { route });
        created?.(this);
      },
    },
  };
}
