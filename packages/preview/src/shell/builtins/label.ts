/** `<label>`: renders its children; a `for` attribute is reported as missing (marked and listed), since the preview does not forward taps to the control it names. */
import { base, unsupported, type Definition } from './base';

export function label(): Definition {
  return base(unsupported('label', { for: '' }));
}
