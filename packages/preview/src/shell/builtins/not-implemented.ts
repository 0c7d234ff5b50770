/** A builtin the preview lacks. */
import { reportMissing } from '../missing';
import { base, ownerPath, type Builtin, type Definition } from './base';

/** A builtin the preview does not render: its content still shows, marked and reported. */
export function notImplemented(tag: string): Definition {
  return base({
    lifetimes: {
      created(this: Builtin) {
        queueMicrotask(() => reportMissing('component', `<${tag}>`, ownerPath(this), this.host));
      },
    },
  });
}
