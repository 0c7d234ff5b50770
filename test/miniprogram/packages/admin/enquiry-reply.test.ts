import { tap, trigger, type PageHandle, type WxMock } from '../../../harness/simulate';
import {
  button,
  callOk,
  cloudCaller,
  control,
  ENQUIRY_INBOX,
  ENQUIRY_PAGE,
  installWxAs,
  lastToast,
  loadedPage,
  sharedCloudApp,
  tagText,
  textOf,
  until,
} from './helpers';

/**
 * Answering a partner from the staff enquiry page, against the real `admin` and `enquiry`
 * functions and the local cloud's machine-translation stand-in (which tags a text with the target
 * language: `[en] …`): the partner's message in English by machine, clearly labelled; a reply
 * written in English, machine-translated into Chinese, edited and sent; the partner reading it in
 * Chinese under the staff member's name. And the inbox's filter for visit requests.
 */

const DAY_MS = 24 * 3600_000;

const run = Date.now().toString(36);
let wx: WxMock;

/** A staff member with a display name, as redeeming an invitation makes one. */
async function staffMember(label: string, name: string): Promise<string> {
  const openId = `o-reply-staff-${label}-${run}`;
  await sharedCloudApp()
    .database()
    .collection('admins')
    .doc(openId)
    .set({ name, addedAt: new Date(), addedBy: 'enquiry-reply-test' });
  return openId;
}

/** A China day `days` from today. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10);
}

async function submit(
  label: string,
  kind: 'general' | 'visit',
): Promise<{ id: string; ref: string; sender: string }> {
  const sender = `o-reply-partner-${label}-${run}`;
  const answer = await callOk<{ id: string; ref: string }>(cloudCaller(sender), 'enquiry', 'submit', {
    requestId: `reply-${label}-${run}`,
    name: '陈静',
    organization: `回复测试单位 ${label} ${run}`,
    wechatId: 'chenjing_2026',
    topic: 'research',
    message: '我们希望与奥胡斯大学开展联合研究，请问如何对接？',
    consent: { privacy: true, crossBorder: true },
    ...(kind === 'visit'
      ? { kind, visit: { from: dayFromNow(40), to: dayFromNow(42), groupSize: 6, sectors: ['research'] } }
      : {}),
  });
  return { ...answer, sender };
}

function openDetail(id: string): Promise<PageHandle> {
  return loadedPage(ENQUIRY_PAGE, { id });
}

async function type(page: PageHandle, id: string, value: string) {
  await trigger(control(page, id), 'input', { value });
}

describe('staff reply and translation', () => {
  it('translates the message into English and sends a reply written in English as edited Chinese', async () => {
    const staff = await staffMember('en', 'Anne Madsen');
    const enquiry = await submit('en', 'general');
    wx = installWxAs(staff, 'en');
    const page = await openDetail(enquiry.id);
    expect(textOf(page.querySelector('#enquiry-ref'))).toBe(enquiry.ref);
    expect(textOf(page.querySelector('#enquiry-wechat'))).toBe('chenjing_2026');
    expect(textOf(page.querySelector('#replies'))).toContain('No replies yet');

    await tap(button(page, 'translate-message'));
    await until(() => page.querySelector('#message-translation') !== undefined);
    const translation = textOf(page.querySelector('#message-translation'));
    expect(translation).toContain('Machine translation');
    expect(translation).toContain('[en] 我们希望与奥胡斯大学开展联合研究，请问如何对接？');
    // The sender's own words stay as they were.
    expect(textOf(page.querySelector('#enquiry-message'))).toBe(
      '我们希望与奥胡斯大学开展联合研究，请问如何对接？',
    );

    await tap(page.querySelector('#reply-lang-en'));
    expect(textOf(page.querySelector('#composer'))).toContain('Your reply in English');
    const original = 'Dear Ms Chen, Aarhus University would be glad to talk. We will send contacts.';
    await type(page, 'reply-original', original);
    await tap(button(page, 'translate-reply'));
    await until(() => page.data.replyBody !== '');
    expect(page.data.replyBody).toBe(`[zh] ${original}`);
    expect(textOf(page.querySelector('#machine-draft'))).toBe(
      'Machine translation: check and edit before sending.',
    );
    await type(page, 'reply-original', `${original} Best regards`);
    expect(textOf(page.querySelector('#machine-draft'))).toContain('changed after it was translated');

    const edited = '陈女士您好：奥胡斯大学很乐意与您沟通，我们会把联系人发给您。';
    await type(page, 'reply-body', edited);
    await tap(button(page, 'send-reply'));
    await until(() => page.data.busy === '' && (page.data.replies as unknown[]).length === 1);

    expect(lastToast(wx)).toBe('Reply sent');
    const reply = textOf(page.querySelector('#replies'));
    expect(reply).toContain(edited);
    expect(reply).toContain('Written in English:');
    expect(reply).toContain(`${original} Best regards`);
    expect(reply).toContain('Anne Madsen');
    expect(tagText(page, 'enquiry-status')).toBe('In progress');
    expect(page.data.replyBody).toBe('');

    const seen = await callOk<{
      timeline: { type: string; body?: string; author?: string; machineTranslated?: boolean }[];
    }>(cloudCaller(enquiry.sender), 'enquiry', 'get', { id: enquiry.id });
    expect(seen.timeline.filter((entry) => entry.type === 'reply')).toEqual([
      expect.objectContaining({ body: edited, author: 'Anne Madsen', machineTranslated: true }),
    ]);
  });

  it('sends a reply written in Chinese as it is, and checks it by the shared rules first', async () => {
    const staff = await staffMember('zh', '李明');
    const enquiry = await submit('zh', 'general');
    wx = installWxAs(staff);
    const page = await openDetail(enquiry.id);

    await tap(button(page, 'send-reply'));
    expect(textOf(page.querySelector('#error-reply-body'))).toBe('请填写回复内容');
    expect(
      wx.cloud.callFunction.mock.calls.map(
        ([request]) => (request as { data: { action: string } }).data.action,
      ),
    ).not.toContain('enquiries.reply');

    await type(page, 'reply-body', '您好，已收到您的咨询，我们将在三个工作日内联系您。');
    await tap(button(page, 'send-reply'));
    await until(() => page.data.busy === '' && (page.data.replies as unknown[]).length === 1);
    expect(lastToast(wx)).toBe('回复已发送');
    const reply = textOf(page.querySelector('#replies'));
    expect(reply).toContain('李明');
    expect(reply).not.toContain('原文');
  });

  it('says when a translation is unavailable, and the reply can still be written', async () => {
    const staff = await staffMember('fail', 'Mette Holm');
    const enquiry = await submit('fail', 'general');
    wx = installWxAs(staff, 'en');
    const page = await openDetail(enquiry.id);

    await tap(page.querySelector('#reply-lang-da'));
    // The stand-in fails a text with this marker, as the real service may.
    await type(page, 'reply-original', 'Hej, tak for din henvendelse [tmt:fail]');
    await tap(button(page, 'translate-reply'));
    await until(() => !page.data.translatingReply);
    expect(lastToast(wx)).toBe('Translation unavailable right now. Try again later.');
    expect(page.data.replyBody).toBe('');
    expect(page.querySelector('#reply-body')).toBeDefined();
  });

  it('filters the inbox to visit requests, each showing its reference', async () => {
    const staff = await staffMember('inbox', 'Anne Madsen');
    const visit = await submit('visit', 'visit');
    const general = await submit('general', 'general');
    wx = installWxAs(staff, 'en');
    const page = await loadedPage(ENQUIRY_INBOX);
    expect(textOf(page.querySelector(`#enquiry-${general.id}`))).toContain(general.ref);

    await tap(page.querySelector('#kind-visit'));
    await until(() => page.data.status !== 'loading');

    const items = page.data.items as { id: string }[];
    expect(items.map((item) => item.id)).toContain(visit.id);
    expect(items.map((item) => item.id)).not.toContain(general.id);
    const row = textOf(page.querySelector(`#enquiry-${visit.id}`));
    expect(row).toContain(visit.ref);
    expect(row).toContain('Visit request');

    const detail = await openDetail(visit.id);
    expect(textOf(detail.querySelector('#visit-dates'))).toBe(`${dayFromNow(40)} – ${dayFromNow(42)}`);
    expect(textOf(detail.querySelector('#visit-group'))).toBe('6 people');
    expect(textOf(detail.querySelector('#visit-sectors'))).toBe('Research collaboration');
  });
});
