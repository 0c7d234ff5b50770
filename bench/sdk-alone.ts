/**
 * The cold-start baseline (bench/cold-start.ts): `@cloudbase/node-sdk` alone with one `tcb.init`, as
 * every function starts, bundled with exactly the functions' build options.
 */
import tcb from '@cloudbase/node-sdk';

export const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
