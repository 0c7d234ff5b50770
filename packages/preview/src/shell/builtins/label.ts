/** `<label>`: its `for` is not implemented. */
import { base, unsupported, type Definition } from './base';

export function label(): Definition {
  return base(unsupported('label', { for: '' }));
}
