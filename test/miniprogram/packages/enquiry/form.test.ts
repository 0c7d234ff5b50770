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
import { chinaDay } from '../../../../contract/rules';

const DAY_MS = 24 * 3600_000;

/** A China day `days` from today. */
function dayFromNow(days: number): string {
  return chinaDay(Date.now() + days * DAY_MS);
}

/**
 * The enquiry form against the real `enquiry` function on the local cloud: messages at the fields
 * before anything is sent, the server's field messages at the right field, a successful
 * submission, one stored enquiry for a double tap and for a retry after a lost answer.
 */

const FORM = 'packages/enquiry/pages/form/index';
const SUCCESS = '/packages/enquiry/pages/success/index';
const INPUT_FIELDS = ['name', 'organization', 'title', 'email', 'phone', 'wechatId', 'groupSize'] as const;
type Field =
  | (typeof INPUT_FIELDS)[number]
  | 'topic'
  | 'message'
  | 'privacy'
  | 'crossBorder'
  | 'visitFrom'
  | 'visitTo'
  | 'sectors'
  | 'institutions';
const DRAFT_KEY = 'enquiry.draft.general';
const REF = /^CDR-\d{8}-\d{3,}$/;

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

type TextField = (typeof INPUT_FIELDS)[number] | 'message' | 'institutions';

function control(page: PageHandle, field: TextField) {
  return field === 'message' || field === 'institutions'
    ? page.querySelector(`#field-${field}`)?.querySelector('.t-textarea__wrapper-inner')
    : page.querySelector(`#field-${field}`)?.querySelector('.t-input__control');
}

/** Types `value` into a field and leaves it, as a user would. */
async function fill(page: PageHandle, field: TextField, value: string) {
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

/** Ticks one sector of a visit request (TDesign checkboxes, one per topic). */
async function chooseSector(page: PageHandle, label: string) {
  const option = page
    .querySelector('#field-sectors')
    ?.querySelectorAll('.t-checkbox-option')
    .map((node) => node.querySelector('.t-checkbox'))
    .find((node) => node?.dom?.textContent?.includes(label));
  await tap(option);
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
  await chooseTopic(page, '科研合作');
  await fill(page, 'message', '我们希望与中日德兰大区的大学开展联合科研项目，请问如何对接？');
  await tick(page, 'consent-privacy');
  await tick(page, 'consent-cross-border');
}

let wx: WxMock;

/** Installs `wx` calling the local cloud as a caller of `test`'s own; answers that caller's calls. */
function installCaller(test: string): CallFunction {
  const { call } = callerFor(test);
  wx = installWx({ callFunction: call });
  return call;
}

/** Expects the form refused with the toast `title`: it stays open and stores nothing of `call`'s caller. */
async function expectRefused(call: CallFunction, title: string): Promise<void> {
  expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title }));
  expect(wx.redirectTo).not.toHaveBeenCalled();
  expect(await storedEnquiries(call)).toHaveLength(0);
}

describe('enquiry form', () => {
  it('shows every field’s message before sending anything', async () => {
    installCaller('empty');
    const page = await openForm();

    await tap(submitButton(page));

    expect(messageAt(page, 'name')).toBe('请填写姓名');
    expect(messageAt(page, 'organization')).toBe('请填写单位名称');
    expect(messageAt(page, 'title')).toBe('');
    expect(messageAt(page, 'email')).toBe('请至少填写邮箱、手机号或微信号中的一项');
    expect(messageAt(page, 'phone')).toBe('请至少填写邮箱、手机号或微信号中的一项');
    expect(messageAt(page, 'wechatId')).toBe('请至少填写邮箱、手机号或微信号中的一项');
    expect(messageAt(page, 'topic')).toBe('请选择咨询类别');
    expect(messageAt(page, 'message')).toBe('咨询内容至少需要 10 个字');
    expect(messageAt(page, 'privacy')).toBe('请阅读并同意《隐私说明》');
    expect(messageAt(page, 'crossBorder')).toBe('请同意将您的信息传输至丹麦处理');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请按提示修改标红的内容' }));
    expect(wx.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('checks a field when it is left, as the server would, and clears the message once fixed', async () => {
    installCaller('live');
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
    expect(messageAt(page, 'phone')).toBe('请至少填写邮箱、手机号或微信号中的一项');
    expect(messageAt(page, 'email')).toBe('请至少填写邮箱、手机号或微信号中的一项');
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
    const call = installCaller('double');
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
    expect(stored[0]?.ref).toMatch(REF);
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `${SUCCESS}?id=${stored[0]?.id}&ref=${stored[0]?.ref}&status=received`,
      }),
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
      expect.objectContaining({ title: '网络连接异常，请检查网络后重试' }),
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
    const call = installCaller('server-field');
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
    await expectRefused(call, '请按提示修改标红的内容');
  });

  it('shows a refusal of the content as a message and stores nothing', async () => {
    const call = installCaller('risky');
    const page = await openForm();
    await fillValid(page);
    // The local cloud's content check stand-in judges text with this marker risky.
    await fill(page, 'message', '这是一条需要被拦截的咨询内容 [risky]');

    await submit(page);

    await expectRefused(call, '内容未通过安全检测，请修改后重新提交');
  });

  it('shows the hourly limit as a message', async () => {
    const call = installCaller('limit');
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
    installCaller('preset');
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
    installCaller('privacy-link');
    const page = await openForm();
    await tap(page.querySelector('#open-privacy'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/enquiry/pages/privacy/index' }),
    );
  });

  it('marks the required fields and keeps one label column', async () => {
    installCaller('marks');
    const page = await openForm();
    const labelClass = (field: string) =>
      page.querySelector(`#field-${field}`)?.querySelector('.t-input__label')?.dom?.getAttribute('class') ??
      '';

    expect(labelClass('name')).toContain('enquiry-form__required');
    expect(labelClass('organization')).toContain('enquiry-form__required');
    for (const optional of ['title', 'email', 'phone', 'wechatId']) {
      expect(labelClass(optional)).not.toContain('enquiry-form__required');
    }
    expect(
      page.querySelector('#field-message')?.querySelector('.t-textarea__label')?.dom?.getAttribute('class'),
    ).toContain('enquiry-form__required');
    expect(page.querySelector('#legend')?.dom?.textContent?.replace(/\s+/g, '')).toBe('*为必填项');
  });

  it('scrolls to the first field with a message after a failed submit and puts the cursor in it', async () => {
    installCaller('scroll');
    const page = await openForm();

    await tap(submitButton(page));
    expect(wx.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: '#row-name' }));
    expect(page.querySelector('#field-name')?.data.focus).toBe(true);

    await fill(page, 'name', '李华');
    await fill(page, 'organization', '上海交通大学');
    await fill(page, 'wechatId', 'lihua_2026');
    await tap(submitButton(page));
    expect(wx.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: '#row-topic' }));

    await chooseTopic(page, '科研合作');
    await tap(submitButton(page));
    expect(wx.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: '#row-message' }));
    expect(page.querySelector('#field-message')?.data.focus).toBe(true);
    expect(page.querySelector('#field-name')?.data.focus).toBe(false);
    expect(wx.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('accepts a WeChat ID as the only contact, and checks its form', async () => {
    const call = installCaller('wechat');
    const page = await openForm();
    await fillValid(page);
    await fill(page, 'email', '');
    await fill(page, 'wechatId', '1abc');
    expect(messageAt(page, 'wechatId')).toBe(
      '微信号须为 6–20 位，以字母开头，可含字母、数字、下划线和短横线',
    );

    await fill(page, 'wechatId', 'lihua_sh-2026');
    expect(messageAt(page, 'wechatId')).toBe('');
    expect(messageAt(page, 'email')).toBe('');
    await submit(page);

    const sent = wx.cloud.callFunction.mock.calls[0]?.[0] as { data: { data: Record<string, unknown> } };
    expect(sent.data.data).toMatchObject({ wechatId: 'lihua_sh-2026' });
    expect(sent.data.data).not.toHaveProperty('email');
    expect(await storedEnquiries(call)).toHaveLength(1);
  });

  it('keeps what was typed when the partner leaves, under the same request id, until it is sent', async () => {
    installCaller('draft');
    const first = await openForm();
    await fill(first, 'name', '李华');
    await fill(first, 'message', '我们希望了解丹麦的绿色能源合作项目。');
    await chooseTopic(first, '商业与区域发展');
    await tick(first, 'consent-privacy');
    await first.onUnload();
    const kept = wx.storage.get(DRAFT_KEY) as { requestId: string; draft: Record<string, unknown> };
    expect(kept.draft).toMatchObject({ name: '李华', topic: 'business' });
    // Consent is given at each submission, not kept.
    expect(kept.draft).not.toHaveProperty('privacy');

    const again = await openForm();
    expect(again.querySelector('#field-name')?.data.value).toBe('李华');
    expect(shownMessage(again)).toBe('我们希望了解丹麦的绿色能源合作项目。');
    expect(checkedTopic(again)).toBe('商业与区域发展');
    expect(again.data.form).toMatchObject({ privacy: false });
    // The visit request keeps its own draft.
    const visit = await openForm({ kind: 'visit' });
    expect(visit.querySelector('#field-name')?.data.value).toBe('');

    await fill(again, 'organization', '上海交通大学');
    await fill(again, 'email', 'li.hua@example.cn');
    await tick(again, 'consent-privacy');
    await tick(again, 'consent-cross-border');
    await submit(again);
    const sent = wx.cloud.callFunction.mock.calls[0]?.[0] as { data: { data: { requestId: string } } };
    expect(sent.data.data.requestId).toBe(kept.requestId);
    expect(wx.redirectTo).toHaveBeenCalledTimes(1);
    await again.onUnload();
    expect(wx.storage.has(DRAFT_KEY)).toBe(false);
  });

  it('offers the last submission’s contact details on the next form', async () => {
    installCaller('last-contact');
    const first = await openForm();
    expect(first.querySelector('#last-contact')).toBeUndefined();
    await fillValid(first);
    await fill(first, 'wechatId', 'lihua_2026');
    await submit(first);

    const next = await openForm({ kind: 'visit' });
    expect(next.querySelector('#last-contact-summary')?.dom?.textContent?.trim()).toBe('李华 · 上海交通大学');
    await tap(next.querySelector('#use-last-contact')?.querySelector('.t-button'));
    expect(next.querySelector('#last-contact')).toBeUndefined();
    expect(next.data.form).toMatchObject({
      name: '李华',
      organization: '上海交通大学',
      title: '国际合作处处长',
      email: 'li.hua@example.cn',
      phone: '',
      wechatId: 'lihua_2026',
    });
  });

  it('sends a visit request with its dates, group size and sectors, checked by the server’s rules', async () => {
    const call = installCaller('visit');
    const page = await openForm({ kind: 'visit', topic: 'knowledge' });
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith(expect.objectContaining({ title: '来访申请' }));
    expect(checkedTopic(page)).toBe('知识交流与互访');
    // A visit request's preset topic is its first sector too.
    expect(page.data.form).toMatchObject({ sectors: ['knowledge'] });

    await tap(submitButton(page));
    expect(messageAt(page, 'visitFrom')).toBe('来访开始日期格式不正确');
    expect(messageAt(page, 'groupSize')).toBe('来访人数须为整数');

    const from = dayFromNow(20);
    await trigger(page.querySelector('#picker-visitFrom'), 'change', { value: from });
    await trigger(page.querySelector('#picker-visitTo'), 'change', { value: dayFromNow(19) });
    expect(messageAt(page, 'visitFrom')).toBe('');
    expect(messageAt(page, 'visitTo')).toBe('结束日期不能早于开始日期');
    const to = dayFromNow(24);
    await trigger(page.querySelector('#picker-visitTo'), 'change', { value: to });
    expect(messageAt(page, 'visitTo')).toBe('');
    await fill(page, 'groupSize', '120');
    expect(messageAt(page, 'groupSize')).toBe('来访人数须在 1 到 100 之间');
    await fill(page, 'groupSize', '12');
    await chooseSector(page, '科研合作');
    await fill(page, 'institutions', '奥胡斯大学、维堡市政府');
    await fill(page, 'name', '王芳');
    await fill(page, 'organization', '上海市人民政府外事办公室');
    await fill(page, 'phone', '+86 21 6321 0000');
    await fill(page, 'message', '上海代表团计划访问中日德兰大区，交流医疗与教育合作经验。');
    await tick(page, 'consent-privacy');
    await tick(page, 'consent-cross-border');

    await submit(page);

    const sent = wx.cloud.callFunction.mock.calls[0]?.[0] as { data: { data: Record<string, unknown> } };
    expect(sent.data.data).toMatchObject({
      kind: 'visit',
      topic: 'knowledge',
      visit: {
        from,
        to,
        groupSize: 12,
        sectors: ['knowledge', 'research'],
        institutions: '奥胡斯大学、维堡市政府',
      },
    });
    const stored = await storedEnquiries(call);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'visit' });
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining(`&ref=${stored[0]?.ref}&`) }),
    );
  });
});
