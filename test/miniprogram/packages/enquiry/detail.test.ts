import type { Envelope } from '../../../../contract/api/common';
import type { OutputOf } from '../../../../contract/api/index';
import { cloudCaller, testCloudApp } from '../../../harness/cloud-client';
import { button, textOf, until } from '../../../harness/page-helpers';
import {
  installWx,
  loadPage,
  tap,
  type CallFunction,
  type PageHandle,
  type WxMock,
} from '../../../harness/simulate';
import { template } from '../../../harness/template-config';

/**
 * 咨询详情 against the real `enquiry` and `admin` functions: the partner's full enquiry with its
 * reference, visit details, a dated timeline with the office's replies under the staff member's
 * name, the expected response time, reply notifications, and a clear 已删除 once it is gone.
 */

const DETAIL = 'packages/enquiry/pages/detail/index';
const TEMPLATE_ID = 'tmpl-reply-test';
const DAY_MS = 24 * 3600_000;

/** SUBSCRIBE_TEMPLATE_REPLY from config.ts, switchable per test through `template.id`. */
jest.mock('../../../../miniprogram/config', () =>
  jest.requireActual('../../../harness/template-config').configWithTemplate('SUBSCRIBE_TEMPLATE_REPLY'),
);

type Submitted = OutputOf<'enquiry', 'submit'>;

function unique(test: string): string {
  return `detail-${test}-${Date.now().toString(36)}`;
}

async function answer<T>(call: CallFunction, name: string, action: string, data: unknown): Promise<T> {
  const result = (await call(name, { action, data })) as Envelope<T>;
  if (!result.ok) throw new Error(`${name} ${action} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** A China day `days` from today. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10);
}

async function submitVisit(call: CallFunction, from: string, to: string): Promise<Submitted> {
  return answer<Submitted>(call, 'enquiry', 'submit', {
    requestId: unique('req'),
    name: '王芳',
    organization: '上海市人民政府外事办公室',
    wechatId: 'wangfang_sh',
    topic: 'knowledge',
    kind: 'visit',
    visit: { from, to, groupSize: 12, sectors: ['knowledge', 'research'], institutions: '奥胡斯大学' },
    message: '上海代表团计划访问中日德兰大区，\n交流医疗与教育合作经验。',
    consent: { privacy: true, crossBorder: true },
  });
}

/** A staff member with a display name, as redeeming an invitation would make one. */
async function staffMember(name: string): Promise<CallFunction> {
  const openId = unique('staff');
  await testCloudApp()
    .database()
    .collection('admins')
    .doc(openId)
    .set({ name, addedAt: new Date(), addedBy: 'detail-test' });
  return cloudCaller(openId);
}

async function openDetail(id: string): Promise<PageHandle> {
  const page = loadPage(DETAIL);
  await page.onLoad({ id });
  return page;
}

function text(page: PageHandle, selector: string): string {
  return textOf(page.querySelector(selector));
}

function timeline(page: PageHandle): string[] {
  return page.querySelectorAll('.enquiry-detail__entry').map((entry) => textOf(entry));
}

let wx: WxMock;

describe('咨询详情', () => {
  beforeEach(() => {
    template.id = '';
  });

  it('shows the whole enquiry, its visit and a dated timeline with the office’s replies by name', async () => {
    const partner = cloudCaller(unique('partner'));
    const from = dayFromNow(30);
    const to = dayFromNow(33);
    const submitted = await submitVisit(partner, from, to);
    const staff = await staffMember('Anne Madsen');
    await answer(staff, 'admin', 'enquiries.reply', {
      id: submitted.id,
      body: '您好，欢迎来访！我们会尽快与您确认日程。',
      original: { text: 'Hello, you are welcome! We will confirm the programme soon.', language: 'en' },
    });
    await answer(staff, 'admin', 'enquiries.reply', { id: submitted.id, body: '日程已发送至您的微信。' });
    wx = installWx({ callFunction: partner });

    const page = await openDetail(submitted.id);

    expect(text(page, '#reference')).toBe(submitted.ref);
    expect(submitted.ref).toMatch(/^CDR-\d{8}-\d{3,}$/);
    expect(textOf(page.querySelector('#status')?.querySelector('.t-tag'))).toBe('处理中');
    expect(text(page, '#response-time')).toBe('通常在 3 个工作日内答复');
    expect(text(page, '#topic')).toBe('知识交流与互访');
    expect(text(page, '#organization')).toBe('上海市人民政府外事办公室');
    expect(page.querySelector('#message')?.dom?.textContent).toBe(
      '上海代表团计划访问中日德兰大区，\n交流医疗与教育合作经验。',
    );
    const day = (iso: string) => {
      const [year, month, date] = iso.split('-').map(Number);
      return `${year}年${month}月${date}日`;
    };
    expect(text(page, '#visit-dates')).toBe(`${day(from)}至${day(to)}`);
    expect(text(page, '#visit-group')).toBe('12 人');
    expect(text(page, '#visit-sectors')).toBe('知识交流与互访、科研合作');
    expect(text(page, '#visit-institutions')).toBe('奥胡斯大学');

    const entries = timeline(page);
    expect(entries[0]).toMatch(/^已提交咨询 ?\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(entries).toContainEqual(expect.stringMatching(/^状态更新为“处理中”/));
    const replies = entries.filter((entry) => entry.startsWith('Anne Madsen 回复'));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('您好，欢迎来访！我们会尽快与您确认日程。');
    expect(replies[0]).toContain('原文为外文，经机器翻译并由工作人员核对');
    expect(replies[1]).toContain('日程已发送至您的微信。');
    expect(replies[1]).not.toContain('机器翻译');
    // Oldest first: the last reply is the last entry.
    expect(entries[entries.length - 1]).toBe(replies[1]);
    expect(page.data.timeline).not.toContainEqual(
      expect.objectContaining({ body: expect.stringContaining('Hello') }),
    );
  });

  it('copies the reference and subscribes to reply notifications', async () => {
    template.id = TEMPLATE_ID;
    const partner = cloudCaller(unique('subscribe'));
    const submitted = await submitVisit(partner, dayFromNow(10), dayFromNow(12));
    wx = installWx({ callFunction: partner });
    const page = await openDetail(submitted.id);
    expect(text(page, '#subscription-note')).toBe('办公室回复后，我们将通过微信服务通知提醒您一次');

    await tap(button(page, 'copy-reference'));
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: submitted.ref }));

    await tap(button(page, 'subscribe-replies'));
    await until(() => !page.data.subscribing);
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE_ID] });
    expect(text(page, '#subscription-note')).toBe('已订阅 1 次回复提醒');

    const again = await openDetail(submitted.id);
    expect(text(again, '#subscription-note')).toBe('已订阅 1 次回复提醒');
  });

  it('records no subscription when the partner declines the prompt', async () => {
    template.id = TEMPLATE_ID;
    const partner = cloudCaller(unique('decline'));
    const submitted = await submitVisit(partner, dayFromNow(10), dayFromNow(12));
    wx = installWx({ callFunction: partner });
    wx.requestSubscribeMessage.mockImplementationOnce(async () => ({ [TEMPLATE_ID]: 'reject' }));
    const page = await openDetail(submitted.id);

    await tap(button(page, 'subscribe-replies'));
    await until(() => !page.data.subscribing);

    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '您未同意接收通知，订阅未开启' }),
    );
    const detail = await answer<OutputOf<'enquiry', 'get'>>(partner, 'enquiry', 'get', { id: submitted.id });
    expect(detail.openReplySubscriptions).toBe(0);
  });

  it('shows 已删除 for an enquiry that is gone, and for another caller’s', async () => {
    const partner = cloudCaller(unique('erased'));
    const submitted = await submitVisit(partner, dayFromNow(10), dayFromNow(12));
    wx = installWx({ callFunction: cloudCaller(unique('stranger')) });
    const foreign = await openDetail(submitted.id);
    expect(foreign.querySelector('#erased')).toBeDefined();
    expect(foreign.querySelector('#reference')).toBeUndefined();

    wx = installWx({ callFunction: partner });
    await testCloudApp().database().collection('enquiries').doc(submitted.id).remove();
    const page = await openDetail(submitted.id);

    expect(text(page, '#erased-title')).toBe('已删除');
    expect(text(page, '#erased')).toContain('这条咨询已删除或不存在');
    await tap(button(page, 'to-mine'));
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/enquiry/pages/mine/index' }),
    );
  });
});
