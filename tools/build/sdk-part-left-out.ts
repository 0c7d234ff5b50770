/**
 * Bundled in place of the SDK parts no function calls (`SDK_PARTS_LEFT_OUT` in
 * tools/build/functions.ts). The SDK requires them when it loads but touches them only inside the
 * features that use them; should a function ever reach one, it fails saying why instead of
 * misbehaving. Reads of `__esModule` and of symbols (module interop, `util.inspect`) answer nothing.
 */
module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      if (typeof key === 'symbol' || key === '__esModule') return undefined;
      throw new Error(
        `${String(key)}: this part of the CloudBase SDK is left out of the function bundle ` +
          '(SDK_PARTS_LEFT_OUT in tools/build/functions.ts); bundle it again to use it',
      );
    },
  },
);
