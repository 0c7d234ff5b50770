/** `<input>`: a native `<input>` with WeChat's types, events and placeholder. */
import type { Definition } from './base';
import { field } from './field';

export const input = (): Definition => field('input');
