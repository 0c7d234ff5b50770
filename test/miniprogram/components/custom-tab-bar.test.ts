import { installWx, loadComponent, tap, type SimNode, type WxMock } from '../../harness/simulate';
import { textOf } from '../../harness/page-helpers';

const TABS = ['home', 'news', 'opportunities', 'contact'];

/** The tappable part inside each TDesign tab-bar item, in order. */
function items(bar: SimNode): (SimNode | undefined)[] {
  return TABS.map((tab) => bar.querySelector(`#tab-${tab}`)?.querySelector('.t-tab-bar-item__content'));
}

let wx: WxMock;

beforeEach(() => {
  wx = installWx();
});

describe('custom tab bar', () => {
  it('shows the four tabs of app.json in order', () => {
    const bar = loadComponent('custom-tab-bar/index');
    expect(items(bar).map(textOf)).toEqual(['首页', '新闻', '合作', '联系']);
  });

  it('switches to the tab tapped', async () => {
    const bar = loadComponent('custom-tab-bar/index');
    await tap(items(bar)[2]);
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/opportunities/index' }));
    expect(bar.data.selected).toBe('opportunities');
  });

  it('does nothing for the tab already selected', async () => {
    const bar = loadComponent('custom-tab-bar/index');
    bar.instance.setData({ selected: 'news' });
    await tap(items(bar)[1]);
    expect(wx.switchTab).not.toHaveBeenCalled();
  });
});
