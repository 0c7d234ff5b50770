/** `<text>`: selectable text. */
import { base, reflect, unsupported, type Builtin, type Definition } from './base';

export function text(): Definition {
  const rest = unsupported('text', { space: '', decode: false });
  return base({
    properties: {
      selectable: { type: Boolean, value: false },
      userSelect: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'selectable, userSelect'(this: Builtin, selectable: unknown, userSelect: unknown) {
        reflect(this.host, 'user-select', Boolean(selectable || userSelect));
      },
    },
  });
}
