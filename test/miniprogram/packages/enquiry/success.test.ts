import type { Envelope } from '../../../../contract/api/common';
import type { OutputOf } from '../../../../contract/api/index';
import { cloudCaller } from '../../../harness/cloud-client';
import {
  installWx,
  loadPage,
  tap,
  type PageHandle,
  type WxMock,
  type CallFunction,
} from '../../../harness/simulate';
import { until } from '../../../harness/until';
import { template } from '../../../harness/template-config';

const TEMPLATE_ID = 'tmpl-reply-test';
/** SUBSCRIBE_TEMPLATE_REPLY from config.ts, switchable per test through `template.id`. */
jest.mock('../../../../miniprogram/config', () =>
  jest.requireActual('../../../harness/template-config').configWithTemplate('SUBSCRIBE_TEMPLATE_REPLY'),
);

/**
 * From a stored enquiry to its success page and on to 我的咨询, against the real `enquiry`
 * function: the reference (`CDR-…`) is shown and copyable, reply notifications can be subscribed to
 * at once, and 我的咨询 lists the enquiry with its reference and status.
 */

const SUCCESS = 'packages/enquiry/pages/success/index';
const MINE = 'packages/enquiry/pages/mine/index';

type Submitted = OutputOf<'enquiry', 'submit'>;

function text(page: PageHandle, selector: string): string {
  return page.querySelector(selector)?.dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** What the form sends, as the function receives it. */
async function submitEnquiry(call: CallFunction, message: string): Promise<Submitted> {
  const answer = (await call('enquiry', {
    action: 'submit',
    data: {
      requestId: `success-${Date.now().toString(36)}`,
      name: '王芳',
      organization: '上海市科学技术交流中心',
      email: 'wang.fang@example.cn',
      topic: 'knowledge',
      message,
      consent: { privacy: true, crossBorder: true },
    },
  })) as Envelope<Submitted>;
  if (!answer.ok) throw new Error(`submit failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** Opens the success page with the query the form redirects with. */
async function openSuccess(result: Pick<Submitted, 'id' | 'ref' | 'status'>): Promise<PageHandle> {
  const page = loadPage(SUCCESS);
  await page.onLoad({ id: result.id, ref: result.ref, status: result.status });
  return page;
}

let wx: WxMock;

describe('enquiry success page', () => {
  beforeEach(() => {
    template.id = '';
  });

  it('shows the reference, copies it, and leads to 我的咨询 where it is listed', async () => {
    const call = cloudCaller(`success-received-${Date.now().toString(36)}`);
    wx = installWx({ callFunction: call });
    const result = await submitEnquiry(call, '我们计划明年春季组团考察中日德兰大区的养老机构。');

    const page = await openSuccess(result);
    expect(result.ref).toMatch(/^CDR-\d{8}-\d{3,}$/);
    expect(text(page, '#reference')).toBe(result.ref);
    expect(
      page.querySelector('#result')?.querySelector('.t-result__description')?.dom?.textContent,
    ).toContain('国际事务办公室会尽快通过您留下的联系方式与您联系');

    await tap(page.querySelector('#copy-reference')?.querySelector('.t-button'));
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: result.ref }));
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '编号已复制' }));

    await tap(page.querySelector('#to-mine')?.querySelector('.t-button'));
    expect(wx.redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: `/${MINE}` }));

    const mine = loadPage(MINE);
    await mine.onLoad();
    const card = mine.querySelector(`#enquiry-${result.id}`);
    expect(card?.dom?.textContent).toContain('知识交流与互访');
    expect(card?.dom?.textContent).toContain('已收到');
    expect(card?.dom?.textContent).toContain(`编号：${result.ref}`);
  });

  it('says when an enquiry waits for review, as 我的咨询 does', async () => {
    const call = cloudCaller(`success-review-${Date.now().toString(36)}`);
    wx = installWx({ callFunction: call });
    // The local cloud's content check stand-in asks for review of text with this marker.
    const result = await submitEnquiry(call, '请介绍贵大区的食品安全监管经验。[review]');
    expect(result.status).toBe('pending_review');

    const page = await openSuccess(result);
    expect(
      page.querySelector('#result')?.querySelector('.t-result__description')?.dom?.textContent,
    ).toContain('需经人工审核');

    const mine = loadPage(MINE);
    await mine.onLoad();
    expect(mine.querySelector(`#enquiry-${result.id}`)?.dom?.textContent).toContain('待审核');
  });

  it('goes back to the home tab', async () => {
    wx = installWx();
    const page = await openSuccess({ id: 'abc123', ref: 'CDR-20261205-001', status: 'received' });
    await tap(page.querySelector('#to-home')?.querySelector('.t-button'));
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
  });

  it('subscribes to a notification of the reply right after submitting, and opens the enquiry', async () => {
    template.id = TEMPLATE_ID;
    const call = cloudCaller(`success-subscribe-${Date.now().toString(36)}`);
    wx = installWx({ callFunction: call });
    const result = await submitEnquiry(call, '我们想了解维堡的创意产业园区。');
    const page = await openSuccess(result);

    await tap(page.querySelector('#subscribe-replies')?.querySelector('.t-button'));
    await until(() => !page.data.subscribing);

    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE_ID] });
    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '订阅成功，收到回复时将通知您' }),
    );
    expect(page.querySelector('#subscribe-replies')?.querySelector('.t-button')?.dom?.textContent).toContain(
      '已订阅回复提醒',
    );
    const detail = (await call('enquiry', { action: 'get', data: { id: result.id } })) as Envelope<
      OutputOf<'enquiry', 'get'>
    >;
    expect(detail.ok && detail.data.openReplySubscriptions).toBe(1);

    await tap(page.querySelector('#to-detail')?.querySelector('.t-button'));
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/packages/enquiry/pages/detail/index?id=${result.id}` }),
    );
  });

  it('says reply notifications are unavailable while no template is configured, and records nothing', async () => {
    const call = cloudCaller(`success-no-template-${Date.now().toString(36)}`);
    wx = installWx({ callFunction: call });
    const result = await submitEnquiry(call, '我们想了解维堡的创意产业园区。');
    const page = await openSuccess(result);

    await tap(page.querySelector('#subscribe-replies')?.querySelector('.t-button'));

    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '回复提醒暂未开放，请稍后在“我的咨询”中查看回复' }),
    );
    expect(wx.cloud.callFunction).not.toHaveBeenCalled();
  });
});
