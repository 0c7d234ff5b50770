/** @jest-environment jsdom */
import { debug, logAction, reportMissing } from '../src/shell/missing';

beforeEach(() => {
  document.body.innerHTML =
    '<div id="preview-phone"></div><ul id="preview-missing"></ul><ul id="preview-log"></ul>';
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('missing features', () => {
  it('marks the element that cannot be rendered and lists it once', () => {
    const element = document.createElement('wx-video');
    reportMissing('component', '<video>', 'pages/about/index', element);
    reportMissing('component', '<video>', 'pages/about/index', element);
    expect(element.getAttribute('data-preview-missing')).toBe('component:<video>');
    expect(element.getAttribute('title')).toBe('预览无法呈现 component:<video>');
    expect(debug.missing.filter((entry) => entry.name === '<video>')).toEqual([
      { kind: 'component', name: '<video>', where: 'pages/about/index' },
    ]);
    expect(document.querySelectorAll('#preview-missing li')).toHaveLength(1);
    // Marked on the element itself: no badge on the frame.
    expect(document.querySelector('.preview-missing-badge')).toBeNull();
  });

  it('puts a badge on the phone when there is no element to mark', () => {
    reportMissing('api', 'wx.scanCode', 'pages/home/index');
    const badge = document.querySelector('#preview-phone .preview-missing-badge');
    expect(badge?.getAttribute('data-preview-missing')).toBe('api:wx.scanCode');
    expect(badge?.textContent).toBe('预览未实现 api:wx.scanCode');
    expect(console.warn).toHaveBeenCalledWith('[preview] cannot render api:wx.scanCode (pages/home/index)');
  });

  it('lists the same feature again for another page', () => {
    reportMissing('style', 'backdrop-filter', 'pages/a/index');
    reportMissing('style', 'backdrop-filter', 'pages/b/index');
    expect(
      debug.missing.filter((entry) => entry.name === 'backdrop-filter').map((entry) => entry.where),
    ).toEqual(['pages/a/index', 'pages/b/index']);
  });

  it('logs what WeChat would do itself, newest first', () => {
    logAction('拨打电话', '+45 1234');
    logAction('复制到剪贴板', 'CDR-1');
    const items = [...document.querySelectorAll('#preview-log li strong')].map((node) => node.textContent);
    expect(items).toEqual(['复制到剪贴板', '拨打电话']);
    expect(debug.actions.slice(-2)).toEqual([
      { kind: '拨打电话', detail: '+45 1234' },
      { kind: '复制到剪贴板', detail: 'CDR-1' },
    ]);
  });
});
