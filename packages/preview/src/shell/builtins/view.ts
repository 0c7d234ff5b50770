/** `<view>`: a box with `hover-class`. */
import { base, type Builtin, type Definition } from './base';
import { hoverProperties, installHover } from './hover';

export function view(): Definition {
  return base({
    properties: { ...hoverProperties },
    lifetimes: {
      created(this: Builtin) {
        installHover(this);
      },
    },
  });
}
