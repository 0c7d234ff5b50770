import { cloudCaller } from '../../../harness/cloud-client';
import { textOf } from '../../../harness/page-helpers';
import { installWx, loadPage, tap, type PageHandle, type WxMock } from '../../../harness/simulate';

/**
 * The ways into 来访申请 (the form with `?kind=visit`): the focus area of knowledge exchange and
 * visits (with its topic), the contact tab and the home page, against the seeded local cloud.
 */

const VISIT_FORM = '/packages/enquiry/pages/form/index?kind=visit';

let wx: WxMock;

beforeEach(() => {
  wx = installWx({ callFunction: cloudCaller(`entry-${Date.now().toString(36)}`) });
});

async function open(path: string, query: Record<string, string> = {}): Promise<PageHandle> {
  const page = loadPage(path);
  await page.onLoad(query);
  return page;
}

describe('来访申请 entry points', () => {
  it('the focus area of knowledge exchange and visits offers it, with its topic; other areas do not', async () => {
    const page = await open('pages/focus-area/index', { id: 'knowledge' });
    await tap(page.querySelector('#visit-request')?.querySelector('.t-button'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `${VISIT_FORM}&topic=knowledge` }),
    );

    const other = await open('pages/focus-area/index', { id: 'research' });
    expect(other.querySelector('#enquire')).toBeDefined();
    expect(other.querySelector('#visit-request')).toBeUndefined();
  });

  it.each([
    ['the contact tab offers it beside 在线咨询', 'pages/contact/index', 'to-visit', '来访申请'],
    ['the home page offers it', 'pages/home/index', 'visit-link', '计划率团来访'],
  ])('%s', async (_what, route, id, title) => {
    const page = await open(route);
    const cell = page.querySelector(`#${id}`);
    expect(textOf(cell?.querySelector('.t-cell__title-text'))).toBe(title);
    await tap(cell?.querySelector('.t-cell'));
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: VISIT_FORM }));
  });
});
