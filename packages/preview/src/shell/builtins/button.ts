/** `<button>`: hover, sizes and types, and the open types the preview can stand in for. */
import { reportMissing } from '../missing';
import type { Data } from '../types';
import {
  base,
  datasetOf,
  ownerPath,
  reflect,
  unsupported,
  type Builtin,
  type BuiltinHost,
  type Definition,
} from './base';
import { hoverProperties, installHover } from './hover';

export function button(host: BuiltinHost): Definition {
  // The contact session's own settings (session-from, send-message-*) only matter to WeChat's
  // customer-service chat, which the preview stands in for with a notice.
  const rest = unsupported('button', { formType: '', appParameter: '' });
  return base({
    properties: {
      ...hoverProperties,
      hoverClass: { type: String, value: 'button-hover' },
      size: { type: String, value: 'default' },
      type: { type: String, value: 'default' },
      plain: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      loading: { type: Boolean, value: false },
      openType: { type: String, value: '' },
      lang: { type: String, value: 'en' },
      sessionFrom: { type: String, value: '' },
      sendMessageTitle: { type: String, value: '' },
      sendMessagePath: { type: String, value: '' },
      sendMessageImg: { type: String, value: '' },
      showMessageCard: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'size, type, plain, disabled, loading'(this: Builtin, size, type, plain, disabled, loading) {
        reflect(this.host, 'size', size === 'default' ? '' : size);
        reflect(this.host, 'type', type === 'default' ? '' : type);
        reflect(this.host, 'plain', plain);
        reflect(this.host, 'disabled', disabled);
        reflect(this.host, 'loading', loading);
        this.host.setAttribute('role', String(this.data.ariaRole ?? 'button'));
      },
    },
    lifetimes: {
      created(this: Builtin) {
        installHover(this, 'button-hover');
        const exparser = this._exparserNode as unknown as {
          addListener(name: string, listener: (event: Data) => void): void;
        };
        exparser.addListener('tap', () => {
          if (this.data.disabled) return;
          const openType = String(this.data.openType ?? '');
          const target = {
            id: (this._exparserNode as unknown as { id: string }).id,
            dataset: datasetOf(this),
          };
          switch (openType) {
            case '':
              return;
            case 'share':
              host.shareFromButton(target);
              return;
            case 'agreePrivacyAuthorization':
              host.agreePrivacy(target.id);
              this.triggerEvent('agreeprivacyauthorization', {});
              return;
            case 'contact':
              host.platformAction('客服会话', '微信会打开与小程序客服的会话');
              this.triggerEvent('contact', { errMsg: 'enterContact:ok', path: '', query: {} });
              return;
            default:
              reportMissing('attribute', `<button open-type="${openType}">`, ownerPath(this), this.host);
          }
        });
      },
    },
  });
}
