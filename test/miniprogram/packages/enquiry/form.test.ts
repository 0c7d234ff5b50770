import type { Envelope } from '../../../../contract/api/common';
import type { OutputOf } from '../../../../contract/api/index';
import { cloudCaller } from '../../../harness/cloud-client';
import {
  installWx,
  loadPage,
  tap,
  trigger,
  type PageHandle,
  type WxMock,
  type CallFunction,
} from '../../../harness/simulate';
import { until } from '../../../harness/until';

/**
 * The enquiry form against the real `enquiry` function on the local cloud: messages at the fields
 * before anything is sent, the server's field messages at the right field, a successful
 * submission, one stored enquiry for a double tap and for a retry after a lost answer.
 */

const FORM = 'packages/enquiry/pages/form/index';
const SUCCESS = '/packages/enquiry/pages/success/index';
const INPUT_FIELDS = ['name', 'organization', 'title', 'email', 'phone'] as const;
type Field = (typeof INPUT_FIELDS)[number] | 'topic' | 'message' | 'privacy' | 'crossBorder';

type Mine = OutputOf<'enquiry', 'mine'>;

/** A caller of its own per test: the hourly limit and 我的咨询 are per caller. */
function callerFor(test: string): { openId: string; call: CallFunction } {
  const openId = `form-${test}-${Date.now().toString(36)}`;
  return { openId, call: cloudCaller(openId) };
}

async function storedEnquiries(call: CallFunction): Promise<Mine['items']> {
  const answer = (await call('enquiry', { action: 'mine', data: {} })) as Envelope<Mine>;
  if (!answer.ok) throw new Error(`mine failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data.items;
}

async function openForm(query: Record<string, string> = {}): Promise<PageHandle> {
  const page = loadPage(FORM);
  await page.onLoad(query);
  return page;
}

function control(page: PageHandle, field: (typeof INPUT_FIELDS)[number] | 'message') {
  return field === 'message'
    ? page.querySelector('#field-message')?.querySelector('.t-textarea__wrapper-inner')
    : page.querySelector(`#field-${field}`)?.querySelector('.t-input__control');
}

/** Types `value` into a field and leaves it, as a user would. */
async function fill(page: PageHandle, field: (typeof INPUT_FIELDS)[number] | 'message', value: string) {
  await trigger(control(page, field), 'input', { value });
  await trigger(control(page, field), 'blur', { value });
}

/** The topic choices as rendered: TDesign radios, one per topic. */
function topicOptions(page: PageHandle) {
  return page.querySelector('#field-topic')?.querySelectorAll('.t-radio-option') ?? [];
}

async function chooseTopic(page: PageHandle, label: string) {
  const option = topicOptions(page).find((node) =>
    node.querySelector('.t-radio')?.dom?.textContent?.includes(label),
  );
  await tap(option?.querySelector('.t-radio'));
}

function checkedTopic(page: PageHandle): string | undefined {
  const option = topicOptions(page).find((node) => node.querySelector('.t-radio__icon--checked'));
  return option?.querySelector('.t-radio__title')?.dom?.textContent?.trim();
}

async function tick(page: PageHandle, id: 'consent-privacy' | 'consent-cross-border') {
  await tap(page.querySelector(`#${id}`)?.querySelector('.t-checkbox'));
}

/** The message shown under a field ('' when none). */
function messageAt(page: PageHandle, field: Field): string {
  const node = (INPUT_FIELDS as readonly string[]).includes(field)
    ? page.querySelector(`#field-${field}`)?.querySelector('.t-input__tips')
    : page.querySelector(`#error-${field}`);
  return node?.dom?.textContent?.trim() ?? '';
}

/** What the message box shows (simulate renders no value on native controls: read the TDesign textarea's). */
function shownMessage(page: PageHandle): unknown {
  return page.querySelector('#field-message')?.data.value;
}

function submitButton(page: PageHandle) {
  return page.querySelector('#submit')?.querySelector('.t-button');
}

/** Taps 提交咨询 and waits for the answer from the local cloud. */
async function submit(page: PageHandle) {
  await tap(submitButton(page));
  await until(() => !page.data.sending);
}

async function fillValid(page: PageHandle, organization = '上海交通大学') {
  await fill(page, 'name', '  李华 ');
  await fill(page, 'organization', organization);
  await fill(page, 'title', '国际合作处处长');
  await fill(page, 'email', 'li.hua@example.cn');
  await chooseTopic(page, '科研与教育');
  await fill(page, 'message', '我们希望与中日德兰大区的大学开展联合科研项目，请问如何对接？');
  await tick(page, 'consent-privacy');
  await tick(page, 'consent-cross-border');
}

let wx: WxMock;

describe('enquiry form', () => {
  it('shows every field’s message before sending anything', async () => {
    const { call } = callerFor('empty');
    wx = installWx({ callFunction: call });
    const page = await openForm();

    await tap(submitButton(page));

    expect(messageAt(page, 'name')).toBe('请填写姓名');
    expect(messageAt(page, 'organization')).toBe('请填写单位名称');
    expect(messageAt(page, 'title')).toBe('');
    expect(messageAt(page, 'email')).toBe('请至少填写邮箱或手机号中的一项');
    expect(messageAt(page, 'phone')).toBe('请至少填写邮箱或手机号中的一项');
    expect(messageAt(page, 'topic')).toBe('请选择咨询类别');
    expect(messageAt(page, 'message')).toBe('咨询内容至少需要 10 个字');
    expect(messageAt(page, 'privacy')).toBe('请阅读并同意《隐私说明》');
    expect(messageAt(page, 'crossBorder')).toBe('请同意将您的信息传输至丹麦处理');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请按提示修改标红的内容' }));
    expect(wx.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('checks a field when it is left, as the server would, and clears the message once fixed', async () => {
    wx = installWx({ callFunction: callerFor('live').call });
    const page = await openForm();

    await trigger(control(page, 'name'), 'input', { value: '李' });
    expect(messageAt(page, 'name')).toBe('');
    await fill(page, 'name', '   ');
    expect(messageAt(page, 'name')).toBe('请填写姓名');
    await trigger(control(page, 'name'), 'input', { value: '李华' });
    expect(messageAt(page, 'name')).toBe('');

    await fill(page, 'organization', '大'.repeat(101));
    expect(messageAt(page, 'organization')).toBe('单位名称不能超过 100 个字');

    await fill(page, 'email', 'li..hua@example.cn');
    expect(messageAt(page, 'email')).toBe('邮箱格式不正确');
    await fill(page, 'phone', '12345');
    expect(messageAt(page, 'phone')).toBe('电话号码格式不正确（可含 +、空格和短横线，6–20 位数字）');
    await fill(page, 'phone', '+86 138-0000-0000');
    expect(messageAt(page, 'phone')).toBe('');
    await fill(page, 'email', '');
    expect(messageAt(page, 'email')).toBe('');
    await fill(page, 'phone', '');
    expect(messageAt(page, 'phone')).toBe('请至少填写邮箱或手机号中的一项');
    expect(messageAt(page, 'email')).toBe('请至少填写邮箱或手机号中的一项');
    await trigger(control(page, 'email'), 'input', { value: 'li.hua@example.cn' });
    expect(messageAt(page, 'email')).toBe('');
    expect(messageAt(page, 'phone')).toBe('');

    // Characters, not UTF-16 units, after trimming: nine emoji and a space are still too short.
    await fill(page, 'message', '😀'.repeat(9) + ' ');
    expect(messageAt(page, 'message')).toBe('咨询内容至少需要 10 个字');
    expect(page.querySelector('#message-counter')?.dom?.textContent?.trim()).toBe('9 / 2000');
    await fill(page, 'message', '😀'.repeat(10));
    expect(messageAt(page, 'message')).toBe('');

    await tick(page, 'consent-privacy');
    await tick(page, 'consent-privacy');
    expect(messageAt(page, 'privacy')).toBe('请阅读并同意《隐私说明》');
    expect(wx.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('submits a valid form once on a double tap and opens the success page with the enquiry id', async () => {
    const { call } = callerFor('double');
    wx = installWx({ callFunction: call });
    const page = await openForm();
    await fillValid(page);

    // The second tap lands while the first request is still on its way.
    const first = tap(submitButton(page));
    await tap(submitButton(page));
    await first;
    expect(page.data.sending).toBe(true);
    await until(() => !page.data.sending);

    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(1);
    const stored = await storedEnquiries(call);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ organization: '上海交通大学', status: 'received' });
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `${SUCCESS}?id=${stored[0]?.id}&status=received` }),
    );
    const sent = wx.cloud.callFunction.mock.calls[0]?.[0] as { data: { data: Record<string, unknown> } };
    expect(sent.data.data).toMatchObject({
      name: '李华',
      topic: 'research',
      consent: { privacy: true, crossBorder: true },
    });
    expect(sent.data.data).not.toHaveProperty('phone');
  });

  it('keeps its request id when the answer is lost, so the retry stores nothing new', async () => {
    const { call } = callerFor('retry');
    let lost = 0;
    wx = installWx({
      callFunction: async (name, data) => {
        const answer = await call(name, data);
        // The first submission reaches the server, but its answer never arrives.
        if ((data as { action?: string }).action === 'submit' && lost++ === 0) throw new Error('timeout');
        return answer;
      },
    });
    const page = await openForm();
    await fillValid(page);

    await submit(page);
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '网络不给力，请检查网络后重试' }),
    );
    expect(wx.redirectTo).not.toHaveBeenCalled();
    expect(submitButton(page)?.dom?.getAttribute('class')).not.toContain('t-button--loading');

    await submit(page);

    const requests = wx.cloud.callFunction.mock.calls.map(
      ([options]) => (options as { data: { data: { requestId: string } } }).data.data.requestId,
    );
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(requests[1]).toBe(requests[0]);
    const stored = await storedEnquiries(call);
    expect(stored).toHaveLength(1);
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining(`?id=${stored[0]?.id}&`) }),
    );
  });

  it('shows the server’s message at the field the server rejects', async () => {
    const { call } = callerFor('server-field');
    wx = installWx({ callFunction: call });
    const page = await openForm();
    await fillValid(page);
    // This form checks exactly what the server checks, so only a form whose rules lag behind the
    // server's (an app not yet updated after a server-side change) sends what the server refuses:
    // stand in for one by switching the form's own check off.
    page.instance.findErrors = () => ({});
    page.instance.setData({ 'form.email': 'li..hua@example.cn' });
    expect(messageAt(page, 'email')).toBe('');

    await submit(page);

    expect(wx.cloud.callFunction).toHaveBeenCalledTimes(1);
    expect(messageAt(page, 'email')).toBe('邮箱格式不正确');
    expect(messageAt(page, 'name')).toBe('');
    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '请按提示修改标红的内容' }),
    );
    expect(wx.redirectTo).not.toHaveBeenCalled();
    expect(await storedEnquiries(call)).toHaveLength(0);
  });

  it('shows a refusal of the content as a message and stores nothing', async () => {
    const { call } = callerFor('risky');
    wx = installWx({ callFunction: call });
    const page = await openForm();
    await fillValid(page);
    // The local cloud's content check stand-in judges text with this marker risky.
    await fill(page, 'message', '这是一条需要被拦截的咨询内容 [risky]');

    await submit(page);

    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '内容未通过安全检测，请修改后重新提交' }),
    );
    expect(wx.redirectTo).not.toHaveBeenCalled();
    expect(await storedEnquiries(call)).toHaveLength(0);
  });

  it('shows the hourly limit as a message', async () => {
    const { call } = callerFor('limit');
    wx = installWx({ callFunction: call });
    for (let i = 0; i < 5; i += 1) {
      const page = await openForm();
      await fillValid(page, `上海第${i + 1}中学`);
      await submit(page);
    }
    expect(wx.redirectTo).toHaveBeenCalledTimes(5);
    const page = await openForm();
    await fillValid(page, '上海第六中学');

    await submit(page);

    expect(wx.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '您在一小时内提交的咨询较多，请稍后再试' }),
    );
    expect(wx.redirectTo).toHaveBeenCalledTimes(5);
    expect(await storedEnquiries(call)).toHaveLength(5);
  });

  it('presets the topic and the message from its query, ignoring an unknown topic', async () => {
    wx = installWx({ callFunction: callerFor('preset').call });
    const message = '您好！我希望索取《中日德兰大区与上海市谅解备忘录》的文本，谢谢。';
    const page = await openForm({ topic: 'other', message: encodeURIComponent(message) });

    expect(topicOptions(page)).toHaveLength(5);
    expect(checkedTopic(page)).toBe('其他');
    expect(shownMessage(page)).toBe(message);
    expect(page.querySelector('#message-counter')?.dom?.textContent?.trim()).toBe(
      `${[...message].length} / 2000`,
    );

    const other = await openForm({ topic: 'weather', message: '100%' });
    expect(checkedTopic(other)).toBeUndefined();
    expect(shownMessage(other)).toBe('100%');
  });

  it('opens the privacy notice from the consent', async () => {
    wx = installWx({ callFunction: callerFor('privacy-link').call });
    const page = await openForm();
    await tap(page.querySelector('#open-privacy'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/enquiry/pages/privacy/index' }),
    );
  });
});
