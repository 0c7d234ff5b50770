/** `<image>` and its display modes. */
import { reportMissing } from '../missing';
import {
  base,
  ownerPath,
  reflect,
  unsupported,
  type Builtin,
  type BuiltinHost,
  type Definition,
} from './base';

const IMAGE_MODES: Record<string, { size: string; position: string }> = {
  scaleToFill: { size: '100% 100%', position: '0% 0%' },
  aspectFit: { size: 'contain', position: 'center center' },
  aspectFill: { size: 'cover', position: 'center center' },
  widthFix: { size: '100% 100%', position: '0% 0%' },
  heightFix: { size: '100% 100%', position: '0% 0%' },
  top: { size: 'auto', position: 'center top' },
  bottom: { size: 'auto', position: 'center bottom' },
  center: { size: 'auto', position: 'center center' },
  left: { size: 'auto', position: 'left center' },
  right: { size: 'auto', position: 'right center' },
  'top left': { size: 'auto', position: 'left top' },
  'top right': { size: 'auto', position: 'right top' },
  'bottom left': { size: 'auto', position: 'left bottom' },
  'bottom right': { size: 'auto', position: 'right bottom' },
};

/** `<image>`: a background-image box, as the render layer draws it, sized by `mode`. */
export function image(host: BuiltinHost): Definition {
  const rest = unsupported('image', { showMenuByLongpress: false });
  return base({
    properties: {
      src: { type: String, value: '' },
      mode: { type: String, value: 'scaleToFill' },
      webp: { type: Boolean, value: false },
      lazyLoad: { type: Boolean, value: false },
      fadeIn: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'src, mode'(this: Builtin, src: unknown, mode: unknown) {
        const fit = IMAGE_MODES[String(mode)] ?? IMAGE_MODES.scaleToFill;
        if (!IMAGE_MODES[String(mode)])
          reportMissing('attribute', `<image mode="${String(mode)}">`, ownerPath(this), this.host);
        const box = this.native as HTMLElement;
        box.style.backgroundSize = fit?.size ?? '';
        box.style.backgroundPosition = fit?.position ?? '';
        reflect(this.host, 'mode', mode);
        const request = ++(this.state as { request: number }).request;
        if (!src) {
          box.style.backgroundImage = '';
          return;
        }
        void host
          .resolveFileUrl(String(src))
          .then((url) => {
            const probe = new Image();
            probe.onload = () => {
              if ((this.state as { request: number }).request !== request) return;
              box.style.backgroundImage = `url("${url.replace(/"/g, '%22')}")`;
              if (mode === 'widthFix' && probe.naturalWidth) {
                this.host.style.height = `${(this.host.clientWidth * probe.naturalHeight) / probe.naturalWidth}px`;
              } else if (mode === 'heightFix' && probe.naturalHeight) {
                this.host.style.width = `${(this.host.clientHeight * probe.naturalWidth) / probe.naturalHeight}px`;
              }
              this.triggerEvent('load', { width: probe.naturalWidth, height: probe.naturalHeight });
            };
            probe.onerror = () => this.triggerEvent('error', { errMsg: `GET ${String(src)} failed` });
            probe.src = url;
          })
          .catch((error: unknown) => this.triggerEvent('error', { errMsg: String(error) }));
      },
    },
    lifetimes: {
      created(this: Builtin) {
        this.state = { request: 0 };
        const box = document.createElement('div');
        box.className = 'preview-image';
        box.style.backgroundRepeat = 'no-repeat';
        this.native = box;
        this.host.append(box);
      },
    },
  });
}
