import { installWx, tap, type PageHandle, type SimNode, type WxMock } from '../../../harness/simulate';
import type { PrivateCloud } from '../../pages/private-cloud';
import { button, callOk, lastToast, loadedPage, privateStaffCloud, textOf, until } from './helpers';
import { template } from '../../../harness/template-config';
import { expectCellOpens } from '../../../harness/page-helpers';

/**
 * The staff home against the real `admin` function, in a local cloud of this file's own so the
 * dashboard's counts are known: three enquiries (two on culture, one on research), one published
 * news item and one reader subscribed to news.
 */

const HOME = 'packages/admin/pages/home/index';
const STAFF = 'o-home-staff';
const TEMPLATE_ID = 'tmpl-enquiry-alert-test';

/** SUBSCRIBE_TEMPLATE_ENQUIRY from config.ts, switchable per test through `template.id`. */
jest.mock('../../../../miniprogram/config', () =>
  jest.requireActual('../../../harness/template-config').configWithTemplate('SUBSCRIBE_TEMPLATE_ENQUIRY'),
);

let cloud: PrivateCloud;
let wx: WxMock;

async function submitEnquiry(sender: string, topic: string) {
  await callOk(cloud.caller(sender), 'enquiry', 'submit', {
    requestId: `home-${sender}`,
    name: '测试者',
    organization: '测试单位',
    email: 'home@example.cn',
    topic,
    message: '用于统计面板测试的咨询内容。',
    consent: { privacy: true, crossBorder: true },
  });
}

beforeAll(async () => {
  cloud = await privateStaffCloud(STAFF);
  const staff = cloud.caller(STAFF);
  const { id } = await callOk<{ id: string }>(staff, 'admin', 'news.save', {
    title: '统计测试新闻',
    summary: '摘要',
    body: '正文',
  });
  await callOk(staff, 'admin', 'news.publish', { id });
  await callOk(cloud.caller('o-home-reader'), 'content', 'subscribe', { topic: 'news' });
  await submitEnquiry('o-home-sender-1', 'culture');
  await submitEnquiry('o-home-sender-2', 'culture');
  await submitEnquiry('o-home-sender-3', 'research');
});

afterAll(() => cloud?.close());

beforeEach(() => {
  template.id = '';
  wx = installWx({ callFunction: cloud.caller(STAFF) });
});

function openHome(): Promise<PageHandle> {
  return loadedPage(HOME);
}

function stat(page: PageHandle, key: string): string {
  return textOf(page.querySelector(`#stat-${key}`));
}

function chart(page: PageHandle, id: string): SimNode {
  return page.querySelector(`#${id}`) as SimNode;
}

describe('staff home', () => {
  it('shows the counts and the enquiries per week and per topic as bar charts', async () => {
    const page = await openHome();
    expect(stat(page, 'open-enquiries')).toBe('3未办结咨询');
    expect(stat(page, 'news-published')).toBe('1已发布新闻');
    expect(stat(page, 'subscribers')).toBe('1订阅读者');

    const topics = chart(page, 'chart-topics').querySelectorAll('.bar-chart__row').map(textOf);
    expect(topics).toEqual(['商业与区域发展0', '知识交流与互访0', '科研合作1', '文化与教育交流2', '其他0']);
    const topicBars = chart(page, 'chart-topics').data.items as {
      key: string;
      size: number;
      description: string;
    }[];
    expect(topicBars.find((bar) => bar.key === 'culture')).toMatchObject({
      size: 100,
      description: '文化与教育交流：2 条',
    });
    expect(topicBars.find((bar) => bar.key === 'research')?.size).toBe(50);
    expect(topicBars.find((bar) => bar.key === 'other')?.size).toBe(0);

    const weeks = chart(page, 'chart-weeks').querySelectorAll('.bar-chart__column');
    expect(weeks).toHaveLength(12);
    // This week holds all three, over its week number; earlier weeks are quiet: no count, only the number.
    expect(textOf(weeks[11])).toMatch(/^3\d{1,2}$/);
    expect(weeks.slice(0, 11).every((week) => /^\d{1,2}$/.test(textOf(week)))).toBe(true);
    expect(
      weeks.slice(0, 11).every((week) => (week.dom?.outerHTML ?? '').includes('bar-chart__column--zero')),
    ).toBe(true);
    const lastWeek = (chart(page, 'chart-weeks').data.items as { description: string }[])[11];
    expect(lastWeek?.description).toMatch(/^\d{4}-W\d{2} 周（\d{4}-\d{2}-\d{2} 起）：3 条$/);
  });

  it('switches every visible string between Chinese and English, and remembers the choice', async () => {
    const page = await openHome();
    expect(wx.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '工作人员' });
    expect(textOf(page.querySelector('#to-news')?.querySelector('.t-cell__title-text'))).toBe('新闻');

    await tap(button(page, 'lang-en'));
    expect(wx.storage.get('admin.lang')).toBe('en');
    expect(wx.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: 'Staff' });
    expect(stat(page, 'open-enquiries')).toBe('3Not yet closed');
    expect(textOf(page.querySelector('#to-news')?.querySelector('.t-cell__title-text'))).toBe('News');
    expect(textOf(page.querySelector('#pending'))).toBe('Pending: 3 →');
    expect(textOf(page.querySelector('#label-alerts'))).toBe('New-enquiry alerts');
    expect(chart(page, 'chart-topics').querySelectorAll('.bar-chart__row').map(textOf)).toContain(
      'Culture and education exchange2',
    );

    // Other staff pages open in the chosen language.
    const news = await loadedPage('packages/admin/pages/news/index');
    expect(wx.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: 'News' });
    expect(news.querySelector('#status-tabs')?.querySelectorAll('.t-tabs__item').map(textOf)).toEqual([
      'All',
      'Draft',
      'Scheduled',
      'Published',
      'Archived',
    ]);
    expect(textOf(button(news, 'create'))).toBe('Write news');

    await tap(button(page, 'lang-zh'));
    expect(wx.storage.get('admin.lang')).toBe('zh');
    expect(stat(page, 'open-enquiries')).toBe('3未办结咨询');
  });

  it('opens each staff page from the list', async () => {
    const page = await openHome();
    await expectCellOpens(wx, page.querySelector('#to-enquiries'), '/packages/admin/pages/enquiries/index');
    await expectCellOpens(wx, page.querySelector('#to-profile'), '/packages/admin/pages/profile-edit/index');
  });

  it('shows the work waiting first and opens it in the inbox, filtered', async () => {
    const page = await openHome();
    const pending = page.querySelector('#pending');
    expect(textOf(pending)).toBe('待处理 3 条 →');
    await tap(pending);
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/enquiries/index?status=new' }),
    );
    // No visit requests yet: nothing about them.
    expect(page.querySelector('#new-visits')).toBeUndefined();
  });

  it('turns alerts on with one switch after the WeChat consent, offers to renew when few are left, and turns them off', async () => {
    const alertsSwitch = (page: PageHandle) =>
      page.querySelector('#alerts-switch')?.querySelector('.t-switch');
    const page = await openHome();
    expect(page.querySelector('#alerts-remaining')).toBeUndefined();
    await tap(alertsSwitch(page));
    expect(lastToast(wx)).toBe('提醒暂不可用（未配置订阅消息模板）');
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();

    template.id = TEMPLATE_ID;
    wx.requestSubscribeMessage.mockImplementationOnce(async () => ({ [TEMPLATE_ID]: 'reject' }));
    await tap(alertsSwitch(page));
    await until(() => page.data.subscribing === false);
    expect(lastToast(wx)).toBe('您没有允许提醒，未开启');
    expect(page.data.alerts).toMatchObject({ on: false });

    await tap(alertsSwitch(page));
    await until(() => lastToast(wx) === '已开启，可再收到 1 条提醒');
    expect(wx.requestSubscribeMessage).toHaveBeenLastCalledWith(
      expect.objectContaining({ tmplIds: [TEMPLATE_ID] }),
    );
    expect(page.data.alerts).toMatchObject({ on: true, low: true });
    expect(textOf(page.querySelector('#alerts-remaining'))).toBe('还可收到 1 条提醒（最多 20 条）');
    const openAlerts = async () =>
      (
        await cloud.app
          .database()
          .collection('subscriptions')
          .where({ _openid: STAFF, topic: 'enquiry_alert', status: 'open' })
          .count()
      ).total;
    expect(await openAlerts()).toBe(1);

    // Each renewal is one more consent, so one more alert.
    await tap(button(page, 'renew-alerts'));
    await until(() => lastToast(wx) === '已开启，可再收到 2 条提醒');
    await tap(button(page, 'renew-alerts'));
    await until(() => lastToast(wx) === '已开启，可再收到 3 条提醒');
    expect(page.data.alerts).toMatchObject({ on: true, low: false });

    await tap(alertsSwitch(page));
    await until(() => lastToast(wx) === '已关闭新咨询提醒');
    expect(page.data.alerts).toMatchObject({ on: false });
    expect(await openAlerts()).toBe(0);
  });

  it('lists new visit requests under the work, each opening its enquiry', async () => {
    const inTenDays = new Date(Date.now() + 10 * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const { id } = await callOk<{ id: string }>(cloud.caller('o-home-visitor'), 'enquiry', 'submit', {
      requestId: 'home-visit-1',
      kind: 'visit',
      visit: { from: inTenDays, to: inTenDays, groupSize: 12 },
      name: '来访者',
      organization: '上海某大学代表团',
      email: 'visit@example.cn',
      topic: 'knowledge',
      message: '我们希望来访中日德兰大区，交流合作经验。',
      consent: { privacy: true, crossBorder: true },
    });
    const page = await openHome();
    expect(textOf(page.querySelector('#pending'))).toBe('待处理 4 条 →');
    expect(textOf(page.querySelector('#new-visits'))).toBe('新来访申请 1 条 →');
    const visit = page.querySelector(`#visit-${id}`);
    expect(textOf(visit)).toMatch(
      // A one-day visit names its day once.
      new RegExp(`^上海某大学代表团${inTenDays} · 12 人 · CDR-\\d{8}-\\d{3,}$`),
    );
    await tap(visit);
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: `/packages/admin/pages/enquiry/index?id=${id}` }),
    );
    await tap(page.querySelector('#new-visits'));
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/enquiries/index?status=new&kind=visit' }),
    );
  });
});
