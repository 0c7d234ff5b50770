/** `<page-meta>`. */
import { base, unsupported, type Builtin, type BuiltinHost, type Definition } from './base';

/** `<page-meta>`: page-level style and font size, applied to the page element. */
export function pageMeta(host: BuiltinHost): Definition {
  const rest = unsupported('page-meta', {
    rootFontSize: '',
    backgroundTextStyle: '',
    backgroundColor: '',
    backgroundColorTop: '',
    backgroundColorBottom: '',
    rootBackgroundColor: '',
    pageOrientation: '',
  });
  return base({
    properties: {
      pageStyle: { type: String, value: '' },
      pageFontSize: { type: String, value: '' },
      scrollTop: { type: String, value: '' },
      scrollDuration: { type: Number, value: 300 },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      'pageStyle, pageFontSize'(this: Builtin) {
        // Reads the values when it runs: a retry must not bring back a value set since.
        const apply = () => {
          const page = host.pageOf(this.host);
          if (!page) return false;
          const { pageStyle: style, pageFontSize: fontSize } = this.data;
          page.setAttribute(
            'style',
            `${String(style ?? '')}${fontSize ? `;font-size:${String(fontSize)}` : ''}`,
          );
          return true;
        };
        // Until the page is attached the element has no page; apply once it does.
        if (!apply()) queueMicrotask(apply);
      },
      scrollTop(this: Builtin, value: unknown) {
        if (!value) return;
        const scroller = host.pageOf(this.host)?.querySelector('.preview-page__scroll');
        scroller?.scrollTo({ top: parseFloat(String(value)), behavior: 'smooth' });
      },
    },
  });
}
