/** `<textarea>`: a native `<textarea>` with auto height, WeChat's events and placeholder. */
import type { Definition } from './base';
import { field } from './field';

export const textarea = (): Definition => field('textarea');
