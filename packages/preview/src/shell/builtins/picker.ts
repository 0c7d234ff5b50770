/** `<picker>`. */
import { reportMissing } from '../missing';
import { showPickerSheet } from '../ui';
import type { Data } from '../types';
import { base, ownerPath, type Builtin, type Definition } from './base';

/**
 * `<picker>`: its content opens a picker sheet; `selector`, `date` and `time` use the browser's
 * own controls in place of WeChat's wheels.
 */
export function picker(): Definition {
  return base({
    properties: {
      mode: { type: String, value: 'selector' },
      disabled: { type: Boolean, value: false },
      range: { type: Array, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: null },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      headerText: { type: String, value: '' },
    },
    observers: {
      mode(this: Builtin, mode: unknown) {
        if (!['selector', 'date', 'time'].includes(String(mode))) {
          reportMissing('attribute', `<picker mode="${String(mode)}">`, ownerPath(this), this.host);
        }
      },
      fields(this: Builtin, fields: unknown) {
        if (this.data.mode === 'date' && fields === 'year') {
          reportMissing('attribute', '<picker fields="year">', ownerPath(this), this.host);
        }
      },
    },
    lifetimes: {
      created(this: Builtin) {
        const exparser = this._exparserNode as unknown as {
          addListener(name: string, listener: () => void): void;
        };
        exparser.addListener('tap', () => void (this.open as () => Promise<void>)());
      },
    },
    methods: {
      async open(this: Builtin) {
        if (this.data.disabled) return;
        const mode = String(this.data.mode);
        const value = this.data.value;
        let control: HTMLInputElement | HTMLSelectElement;
        let read: () => unknown;
        if (mode === 'selector') {
          const select = document.createElement('select');
          select.size = 6;
          const key = String(this.data.rangeKey ?? '');
          ((this.data.range ?? []) as unknown[]).forEach((item, index) => {
            const option = document.createElement('option');
            option.value = String(index);
            option.textContent = String(key && item && typeof item === 'object' ? (item as Data)[key] : item);
            select.append(option);
          });
          select.value = String(Number(value) || 0);
          control = select;
          read = () => Number(select.value);
        } else if (mode === 'date' || mode === 'time') {
          const input = document.createElement('input');
          input.type = mode === 'time' ? 'time' : this.data.fields === 'month' ? 'month' : 'date';
          if (this.data.start) input.min = String(this.data.start);
          if (this.data.end) input.max = String(this.data.end);
          input.value = String(value ?? '');
          control = input;
          read = () => input.value;
        } else return;
        const chosen = await showPickerSheet(String(this.data.headerText ?? ''), control, read);
        if (chosen === undefined) this.triggerEvent('cancel', {});
        else this.triggerEvent('change', { value: chosen });
      },
    },
  });
}
