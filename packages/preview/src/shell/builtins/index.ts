/**
 * The builtin components (`<view>`, `<input>`, `<image>`…) for a real browser. simulate
 * registers every builtin as a bare `<slot/>` (enough under jsdom, where nothing is seen or
 * typed); here each one the app renders gets the behaviour and native elements the WeChat render
 * layer gives it, as exparser components whose host is the `<wx-*>` element WXSS targets.
 *
 * A builtin implemented only in part reports what it cannot do when the page uses it; a builtin
 * the preview lacks entirely marks its element `data-preview-missing` and still renders its content.
 */
import { BUILTIN_COMPONENTS } from '../../../../miniprogram-runtime/src';
import type { BuiltinHost, Definition } from './base';
import { button } from './button';
import { image } from './image';
import { input } from './input';
import { label } from './label';
import { notImplemented } from './not-implemented';
import { pageMeta } from './page-meta';
import { picker } from './picker';
import { richText } from './rich-text';
import { scrollView } from './scroll-view';
import { text } from './text';
import { textarea } from './textarea';
import { view } from './view';

export type { BuiltinHost } from './base';

/** Replaces simulate's slot-only builtins with the preview's. */
export function installBuiltins(host: BuiltinHost): string[] {
  const implemented: Record<string, () => Definition> = {
    view,
    text,
    label,
    button: () => button(host),
    image: () => image(host),
    input,
    textarea,
    'rich-text': richText,
    'scroll-view': scrollView,
    'page-meta': () => pageMeta(host),
    picker,
  };
  for (const tag of BUILTIN_COMPONENTS) {
    const definition = implemented[tag]?.() ?? notImplemented(tag);
    window.simulate.load({ ...definition, id: tag, tagName: `wx-${tag}`, template: '<slot/>' });
  }
  return Object.keys(implemented);
}
