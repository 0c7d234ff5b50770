import { tap, trigger, type PageHandle, type WxMock } from '../../../harness/simulate';
import {
  button,
  callOk,
  cloudCaller,
  control,
  ENQUIRY_PAGE,
  installWxAs,
  loadedPage,
  SHARED_STAFF,
  textOf,
  tipsOf,
  until,
} from './helpers';

/**
 * Inviting a colleague as staff would on a phone: the staff page makes a one-time code and a share
 * card leading to the join page; the colleague, not staff yet, opens it, gives a display name and
 * lands on the staff home, listed by that name. On the shared local cloud.
 */

const run = Date.now().toString(36);
const COLLEAGUE = `o-invitee-${run}`;

let wx: WxMock;

async function invite(name: string): Promise<{ page: PageHandle; code: string }> {
  wx = installWxAs(SHARED_STAFF);
  const page = await loadedPage('packages/admin/pages/staff/index');
  await trigger(control(page, 'field-invite-name'), 'input', { value: name });
  await tap(button(page, 'invite-create'));
  await until(() => textOf(page.querySelector('#invite-code')) !== '');
  return { page, code: textOf(page.querySelector('#invite-code')) };
}

async function openJoin(openId: string, code?: string): Promise<PageHandle> {
  wx = installWxAs(openId);
  return loadedPage('packages/admin/pages/join/index', code ? { code: encodeURIComponent(code) } : {});
}

describe('inviting a colleague', () => {
  it('shows the code, its expiry and a share card that opens the join page with the code', async () => {
    const { page, code } = await invite('Anna');
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(textOf(page.querySelector('#invite-expires'))).toMatch(/^有效期至 /);
    expect(page.querySelector('#invite-share')).toBeDefined();
    const card = await page.onShareAppMessage({ from: 'button' });
    expect(card).toEqual({
      title: '邀请您成为中日德兰大区小程序的工作人员',
      path: `/packages/admin/pages/join/index?code=${code}&lang=zh`,
    });
    await tap(button(page, 'copy-invite'));
    expect(wx.setClipboardData).toHaveBeenLastCalledWith(expect.objectContaining({ data: code }));
  });

  it('lets the colleague join under a display name and go to the staff home; the staff page lists them by name', async () => {
    const { code } = await invite('Anna');
    const join = await openJoin(COLLEAGUE, code);
    expect((join.data.form as { code: string }).code).toBe(code);
    await trigger(control(join, 'field-name'), 'input', { value: 'Anna Holm' });
    await tap(button(join, 'redeem'));
    await until(() => wx.redirectTo.mock.calls.length > 0);
    expect(wx.redirectTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/home/index' }),
    );
    expect((await callOk<{ isAdmin: boolean }>(cloudCaller(COLLEAGUE), 'admin', 'whoami')).isAdmin).toBe(
      true,
    );

    wx = installWxAs(SHARED_STAFF);
    const staff = await loadedPage('packages/admin/pages/staff/index');
    expect(textOf(staff.querySelector(`#member-${COLLEAGUE}`))).toMatch(/^Anna Holm/);

    // A note the colleague writes shows their name to the others, never their OPENID.
    const { id } = await callOk<{ id: string }>(cloudCaller(`o-invite-partner-${run}`), 'enquiry', 'submit', {
      requestId: `invite-note-${run}`,
      name: '王芳',
      organization: '上海交通大学',
      email: 'wang.fang@example.cn',
      topic: 'research',
      message: '希望了解与奥胡斯大学开展联合研究的途径。',
      consent: { privacy: true, crossBorder: true },
    });
    await callOk(cloudCaller(COLLEAGUE), 'admin', 'enquiries.update', {
      id,
      status: 'in_progress',
      note: '已发邮件联系。',
    });
    const enquiry = await loadedPage(ENQUIRY_PAGE, { id });
    await until(() => enquiry.querySelectorAll('.enquiry__note').length === 1);
    const note = textOf(enquiry.querySelector('.enquiry__note'));
    expect(note).toContain('Anna Holm');
    expect(note).not.toContain(COLLEAGUE);

    // The code is used up: a second colleague is told so beside the code, and stays outside.
    const late = `o-late-${run}`;
    const again = await openJoin(late, code);
    await trigger(control(again, 'field-name'), 'input', { value: 'Late' });
    await tap(button(again, 'redeem'));
    await until(() => again.data.busy === false && tipsOf(again, 'field-code') !== '');
    expect(tipsOf(again, 'field-code')).toBe('邀请码无效、已使用或已过期，请向同事索取新的邀请码。');
    expect(wx.redirectTo).not.toHaveBeenCalled();
    expect((await callOk<{ isAdmin: boolean }>(cloudCaller(late), 'admin', 'whoami')).isAdmin).toBe(false);
  });

  it('speaks the language of the invitation card on a phone where no one chose one, and keeps it', async () => {
    wx = installWxAs(`o-card-en-${run}`);
    const page = await loadedPage('packages/admin/pages/join/index', { code: 'ABCDE23456', lang: 'en' });
    expect(textOf(page.querySelector('#join-intro'))).toMatch(/^A colleague has invited you/);
    expect(wx.setStorageSync).toHaveBeenCalledWith('admin.lang', 'en');
  });

  it('speaks English on the join page when staff chose English on this phone', async () => {
    wx = installWxAs(`o-en-${run}`, 'en');
    const page = await loadedPage('packages/admin/pages/join/index');
    expect(textOf(page.querySelector('#join-intro'))).toMatch(/^A colleague has invited you/);
    await trigger(control(page, 'field-code'), 'input', { value: 'WRONG2345X' });
    await trigger(control(page, 'field-name'), 'input', { value: 'Someone' });
    await tap(button(page, 'redeem'));
    await until(() => tipsOf(page, 'field-code') !== '');
    expect(tipsOf(page, 'field-code')).toBe(
      'This invite code is unknown, used or expired. Ask your colleague for a new one.',
    );
  });
});
