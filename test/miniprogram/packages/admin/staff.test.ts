import { settle, tap, trigger, type PageHandle, type SimNode, type WxMock } from '../../../harness/simulate';
import {
  actionsCalled,
  button,
  callOk,
  cloudCaller,
  control,
  ENQUIRY_PAGE,
  installWxAs,
  lastToast,
  loadedPage,
  SHARED_STAFF,
  stateMessage,
  textOf,
  tipsOf,
  until,
} from './helpers';
import { expectCellOpens } from '../../../harness/page-helpers';

/**
 * Who gets in: the staff entry on the public 联系 page, the staff page (own display name, adding
 * and removing staff), and a caller who is not staff opening staff pages. On the shared local
 * cloud, whose only staff member is `o-staff-test` (unnamed, and left so: other files expect it).
 */

const run = Date.now().toString(36);
const NOT_STAFF = `o-reader-${run}`;
const FORBIDDEN = '您不是工作人员，无权使用工作人员功能';

let wx: WxMock;

function staffEntry(page: PageHandle): SimNode {
  return page.querySelector('#staff-entry') as SimNode;
}

async function openContact(openId: string): Promise<PageHandle> {
  wx = installWxAs(openId);
  const page = await loadedPage('pages/contact/index');
  await page.onShow();
  return page;
}

/** Until the entry has had `whoami`'s answer and shown it. */
async function entryChecked(): Promise<void> {
  const isAdminCall = ([request]: unknown[]) => (request as { name: string }).name === 'admin';
  await until(() => wx.cloud.callFunction.mock.calls.some(isAdminCall));
  const index = wx.cloud.callFunction.mock.calls.findIndex(isAdminCall);
  await wx.cloud.callFunction.mock.results[index]?.value;
  await settle();
}

describe('staff entry on 联系', () => {
  it('stays hidden for a reader who is not staff', async () => {
    const page = await openContact(NOT_STAFF);
    await entryChecked();
    expect(staffEntry(page).data.visible).toBe(false);
    expect(staffEntry(page).querySelector('#staff-entry-cell')).toBeUndefined();
  });

  it('shows 工作人员入口 to staff and leads to the staff home', async () => {
    const page = await openContact(SHARED_STAFF);
    await until(() => staffEntry(page).data.visible === true);
    const cell = staffEntry(page).querySelector('#staff-entry-cell');
    expect(textOf(cell?.querySelector('.t-cell__title-text'))).toBe('工作人员入口');
    await expectCellOpens(wx, cell, '/packages/admin/pages/home/index');
  });

  it('speaks the language staff chose on the staff pages', async () => {
    wx = installWxAs(SHARED_STAFF, 'en');
    const page = await loadedPage('pages/contact/index');
    await page.onShow();
    await until(() => staffEntry(page).data.visible === true);
    const cell = staffEntry(page).querySelector('#staff-entry-cell');
    expect(textOf(cell?.querySelector('.t-cell__title-text'))).toBe('Staff area');
  });
});

describe('staff page', () => {
  beforeEach(() => {
    wx = installWxAs(SHARED_STAFF);
  });

  function openStaff(): Promise<PageHandle> {
    return loadedPage('packages/admin/pages/staff/index');
  }

  function members(page: PageHandle): string[] {
    return (page.data.items as { openId: string }[]).map((item) => item.openId);
  }

  it('asks an unnamed caller for a name, keeps their OPENID as a small line to copy, and shows the staff by name (never an OPENID) with the caller marked', async () => {
    const page = await openStaff();
    expect(textOf(page.querySelector('#unnamed-prompt'))).toBe('您还没有署名，同事看到的是“未署名的同事”。');
    expect(page.querySelector('#field-my-name')?.data.value).toBe('');
    expect(page.querySelector('#field-my-name')?.data.placeholder).toBe('例如 Anna Holm');
    expect(textOf(page.querySelector('#my-openid'))).toBe(`OPENID（供技术支持）：${SHARED_STAFF}`);
    await tap(button(page, 'copy-mine'));
    expect(wx.setClipboardData).toHaveBeenLastCalledWith(expect.objectContaining({ data: SHARED_STAFF }));
    expect(members(page)).toContain(SHARED_STAFF);
    expect(textOf(page.querySelector(`#member-${SHARED_STAFF}`))).toMatch(
      // The shared cloud's staff member has no display name: a neutral label, not the OPENID.
      /^未署名的同事我添加于/,
    );
  });

  it('adds a colleague by OPENID with a name, refuses a malformed OPENID at the field, and removes after confirmation', async () => {
    const colleague = `o-colleague-${run}`;
    const page = await openStaff();

    await trigger(control(page, 'field-openId'), 'input', { value: 'not an openid!' });
    await tap(button(page, 'add'));
    await until(() => page.data.busy === false);
    expect(tipsOf(page, 'field-openId')).toBe('OPENID 格式不正确');

    await trigger(control(page, 'field-openId'), 'input', { value: colleague });
    await trigger(control(page, 'field-name'), 'input', { value: '新同事' });
    await tap(button(page, 'add'));
    await until(() => members(page).includes(colleague));
    expect(lastToast(wx)).toBe('已添加');
    expect(textOf(page.querySelector(`#member-${colleague}`))).toContain('新同事');
    const check = await callOk<{ isAdmin: boolean }>(cloudCaller(colleague), 'admin', 'whoami');
    expect(check.isAdmin).toBe(true);

    wx.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true }));
    await tap(button(page, `remove-${colleague}`));
    expect(wx.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: '移除后，新同事 将无法再使用工作人员功能。' }),
    );
    expect(members(page)).toContain(colleague);

    await tap(button(page, `remove-${colleague}`));
    await until(() => !members(page).includes(colleague));
    expect(lastToast(wx)).toBe('已移除');
    const after = await callOk<{ isAdmin: boolean }>(cloudCaller(colleague), 'admin', 'whoami');
    expect(after.isAdmin).toBe(false);
  });
});

describe('naming oneself on the staff page', () => {
  /** Added by OPENID without a name, as through ADMIN_OPENIDS or the console: unnamed. */
  const RENAMER = `o-renamer-${run}`;

  beforeAll(async () => {
    await callOk(cloudCaller(SHARED_STAFF), 'admin', 'staff.add', { openId: RENAMER });
  });

  afterAll(async () => {
    await callOk(cloudCaller(SHARED_STAFF), 'admin', 'staff.remove', { openId: RENAMER });
  });

  const renameCalls = () => actionsCalled(wx).filter(({ action }) => action === 'staff.rename');

  async function save(page: PageHandle, name: string): Promise<void> {
    await trigger(control(page, 'field-my-name'), 'input', { value: name });
    await tap(button(page, 'save-name'));
    await until(() => page.data.busy === false);
  }

  it('refuses an empty name beside the field, in English in the English UI, without calling the function', async () => {
    wx = installWxAs(RENAMER, 'en');
    const page = await loadedPage('packages/admin/pages/staff/index');
    expect(textOf(page.querySelector('#unnamed-prompt'))).toBe(
      'You have no display name yet: colleagues see you as "Unnamed colleague".',
    );
    await save(page, '   ');
    expect(tipsOf(page, 'field-my-name')).toBe('Please fill in Display name');
    expect(renameCalls()).toEqual([]);
  });

  it('refuses a name over STAFF_NAME_MAX, then saves a valid one: the list, the prompts and a new note follow', async () => {
    wx = installWxAs(RENAMER);
    // The staff home asks, gently, and leads to the staff page.
    const home = await loadedPage('packages/admin/pages/home/index');
    await until(() => home.data.unnamed === true);
    expect(textOf(home.querySelector('#name-prompt'))).toBe('同事看到的是“未署名的同事”。设置您的名称 →');
    await tap(home.querySelector('#name-prompt'));
    expect(wx.navigateTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/staff/index' }),
    );

    const page = await loadedPage('packages/admin/pages/staff/index');
    await save(page, 'M'.repeat(31));
    expect(tipsOf(page, 'field-my-name')).toBe('显示名称不能超过 30 个字');
    expect(renameCalls()).toEqual([]);

    await save(page, ' Mette Holm ');
    expect(tipsOf(page, 'field-my-name')).toBe('');
    expect(lastToast(wx)).toBe('名称已保存');
    expect(renameCalls()).toEqual([{ action: 'staff.rename', data: { name: 'Mette Holm' } }]);
    // At once, without reloading: the caller's row, the field and no more prompt.
    expect(textOf(page.querySelector(`#member-${RENAMER}`))).toMatch(/^Mette Holm我添加于/);
    expect(page.querySelector('#field-my-name')?.data.value).toBe('Mette Holm');
    expect(page.querySelector('#unnamed-prompt')).toBeUndefined();
    // Back on the home: no more prompt. Opened again: the field holds the name.
    await home.onShow();
    expect(home.querySelector('#name-prompt')).toBeUndefined();
    const again = await loadedPage('packages/admin/pages/staff/index');
    expect(again.querySelector('#field-my-name')?.data.value).toBe('Mette Holm');
    expect(again.querySelector('#unnamed-prompt')).toBeUndefined();

    // Saved on the server: a colleague's list and a note written after it show the name.
    const list = await callOk<{ items: { openId: string; name?: string }[] }>(
      cloudCaller(SHARED_STAFF),
      'admin',
      'staff.list',
    );
    expect(list.items.find((item) => item.openId === RENAMER)?.name).toBe('Mette Holm');
    const { id } = await callOk<{ id: string }>(cloudCaller(`o-rename-partner-${run}`), 'enquiry', 'submit', {
      requestId: `rename-note-${run}`,
      name: '李娜',
      organization: '复旦大学',
      email: 'li.na@example.cn',
      topic: 'research',
      message: '想了解丹麦中日德兰大区的联合研究项目。',
      consent: { privacy: true, crossBorder: true },
    });
    await callOk(cloudCaller(RENAMER), 'admin', 'enquiries.update', {
      id,
      status: 'in_progress',
      note: '已回电话。',
    });
    wx = installWxAs(SHARED_STAFF);
    const enquiry = await loadedPage(ENQUIRY_PAGE, { id });
    await until(() => enquiry.querySelectorAll('.enquiry__note').length === 1);
    const note = textOf(enquiry.querySelector('.enquiry__note'));
    expect(note).toContain('Mette Holm');
    expect(note).not.toContain(RENAMER);

    // Whom they add reads "added by" that name, the name marked as what people wrote.
    const added = `o-added-by-renamer-${run}`;
    await callOk(cloudCaller(RENAMER), 'admin', 'staff.add', { openId: added });
    wx = installWxAs(SHARED_STAFF, 'en');
    const english = await loadedPage('packages/admin/pages/staff/index');
    const row = english.querySelector(`#member-${added}`);
    expect(textOf(row)).toMatch(/^Unnamed colleagueAdded .+ · Added by Mette HolmRemove$/);
    // Names people wrote are marked user-content (the English walk skips them); the words are not.
    const html = row?.dom?.outerHTML ?? '';
    expect(html).not.toMatch(/user-content"[^>]*>Unnamed colleague</);
    expect(html).toMatch(/ · Added by <wx-text[^>]*class="[^"]*user-content"[^>]*>Mette Holm</);
    await callOk(cloudCaller(SHARED_STAFF), 'admin', 'staff.remove', { openId: added });
  });
});

describe('a caller who is not staff', () => {
  beforeEach(() => {
    wx = installWxAs(NOT_STAFF);
  });

  it('sees the FORBIDDEN message and their OPENID on the staff home, and no dashboard', async () => {
    const page = await loadedPage('packages/admin/pages/home/index');
    await until(() => page.data.openId !== '');
    expect(page.data.status).toBe('forbidden');
    expect(stateMessage(page, 'forbidden')).toBe(FORBIDDEN);
    expect(textOf(page.querySelector('#state')?.querySelector('#admin-state-openid'))).toBe(
      `您的 OPENID：${NOT_STAFF}`,
    );
    expect(page.data.stats).toEqual([]);
    expect(page.data.topicBars).toEqual([]);
    expect(page.querySelector('#stat-open-enquiries')).toBeUndefined();
  });

  it('sees the FORBIDDEN message on the news, opportunities, profile and staff pages, with no data', async () => {
    for (const name of ['news', 'opportunities', 'profile-edit', 'staff']) {
      const page = await loadedPage(`packages/admin/pages/${name}/index`);
      expect({ name, status: page.data.status }).toEqual({ name, status: 'forbidden' });
      expect(stateMessage(page, 'forbidden')).toBe(FORBIDDEN);
      if ('items' in page.data) expect(page.data.items).toEqual([]);
    }
    const staff = await loadedPage('packages/admin/pages/staff/index');
    // The one thing shown, as on the staff home: their own OPENID, to hand to a colleague.
    expect(textOf(staff.querySelector('#state')?.querySelector('#admin-state-openid'))).toBe(
      `您的 OPENID：${NOT_STAFF}`,
    );
    const profile = await loadedPage('packages/admin/pages/profile-edit/index');
    expect(profile.data.fields).toEqual([]);
  });
});
