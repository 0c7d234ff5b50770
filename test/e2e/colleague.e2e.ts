/**
 * A new colleague joins the staff in the browser preview, in light (Chinese staff UI) and in dark
 * (English staff UI): a staff member (added through ADMIN_OPENIDS, so unnamed until now) sets their
 * own name on the staff page, then invites the colleague there and sends the invitation
 * card; the colleague, not staff yet, opens the card's path (in the language the card was sent
 * in), gives the name colleagues will see and lands on the staff home; they add a note to an
 * enquiry, which the staff member then reads under that name (never an OPENID), and the staff page
 * lists both by name.
 */
import { callFunction, journeySuite, Session, STAFF_OPENID } from './harness';

const suite = journeySuite();
const run = Date.now().toString(36);

const JOIN = 'packages/admin/pages/join/index';

const { session } = suite;

/** A partner's enquiry, sent to the `enquiry` function as the public form sends it; its id. */
async function submitEnquiry(sender: string, organization: string): Promise<string> {
  const { id } = await callFunction<{ id: string }>(
    suite.app,
    'enquiry',
    {
      action: 'submit',
      data: {
        requestId: `colleague-${sender}`,
        name: '王芳',
        organization,
        email: 'wang.fang@example.cn',
        topic: 'research',
        message: '希望了解与奥胡斯大学开展联合研究的途径，请与我们联系。',
        consent: { privacy: true, crossBorder: true },
      },
    },
    sender,
  );
  return id;
}

/** From the staff home (`#to-…` cells) to a staff page. */
async function openFromHome(user: Session, cell: string, route: string, name: string): Promise<void> {
  await user.tap(cell);
  await user.arrive(route, name);
}

/** The navigation bar's back button, once the page below is on top again. */
async function back(user: Session, route: string): Promise<void> {
  await user.page.locator('#preview-back').click();
  await user.page.waitForFunction((expected) => {
    const stack = (window as unknown as { __preview: { stack(): { route: string }[] } }).__preview.stack();
    return stack[stack.length - 1]?.route === expected;
  }, route);
  await user.settle();
}

/**
 * Tapping a share card in a chat: WeChat opens the mini program at the card's path, as the preview
 * does for `#/<path>` (a fresh launch; the OPENID stays the session's).
 */
async function openCard(user: Session, cardPath: string): Promise<void> {
  await user.page.goto(`${suite.app.url}/?card=${run}#${cardPath}`);
  await user.page.waitForSelector('body[data-preview-ready]');
  await user.settle();
}

test.each([
  {
    scheme: 'light',
    lang: 'zh',
    expires: /^有效期至 /,
    join: /^同事邀请您/,
    you: '我',
    name: '安娜·霍尔姆',
    staffName: '林静',
    renamed: '名称已保存',
  },
  {
    scheme: 'dark',
    lang: 'en',
    expires: /^Valid until /,
    join: /^A colleague has invited you/,
    you: 'Me',
    name: 'Mette Skov',
    staffName: 'Lars Berg',
    renamed: 'Name saved',
  },
] as const)(
  'colleague ($scheme, $lang): invited by card, joins by name, and their note reads by that name',
  async ({ scheme, lang, expires, join, you, name, staffName, renamed }) => {
    const colleagueId = `o-e2e-colleague-${scheme}-${run}`;
    const organization = `上海交通大学（${scheme}）`;
    const enquiryId = await submitEnquiry(`o-e2e-colleague-partner-${scheme}-${run}`, organization);

    // The staff member invites the colleague and sends the card.
    const staff = await session(STAFF_OPENID, `colleague-staff-${scheme}`, scheme);
    await staff.tap('#tab-contact');
    await staff.arrive('pages/contact/index', 'contact');
    await staff.tap('#staff-entry-cell');
    await staff.arrive('packages/admin/pages/home/index', 'admin-home');
    await staff.tap(`#lang-${lang}`);
    await openFromHome(staff, '#to-staff', 'packages/admin/pages/staff/index', 'staff');
    // First their own name (the light run starts unnamed; the dark one changes it).
    await staff.wx('#field-my-name >> input').fill(staffName);
    await staff.tap('#save-name');
    await staff.page.locator('[data-preview-toast]').filter({ hasText: renamed }).waitFor();
    await staff.waitForText(`#member-${STAFF_OPENID}`, staffName);
    expect(await staff.text('#members')).not.toContain(STAFF_OPENID);
    await staff.snap('me-named');
    await staff.wx('#field-invite-name >> input').fill(name.split(/[ ·]/)[0] ?? name);
    await staff.tap('#invite-create');
    await staff.wx('#invite-code').waitFor();
    const code = await staff.text('#invite-code');
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(await staff.text('#invite-expires')).toMatch(expires);
    await staff.snap('invite-created');
    await staff.tap('#invite-share');
    const card = staff.page.locator('[data-preview-notice="share"]');
    await card.waitFor();
    const cardPath = /路径：(\S+)/.exec(await card.innerText())?.[1] ?? '';
    expect(cardPath).toBe(`/${JOIN}?code=${code}&lang=${lang}`);
    await staff.snap('invite-card');
    await card.locator('.preview-notice__close').click();

    // The colleague, not staff, opens the card: the code is filled in; they give their name.
    const colleague = await session(colleagueId, `colleague-new-${scheme}`, scheme);
    await openCard(colleague, cardPath);
    await colleague.arrive(JOIN, 'join');
    expect(await colleague.wx('#field-code >> input').inputValue()).toBe(code);
    // In the language of the card's title, which is the inviter's.
    expect(await colleague.text('#join-intro')).toMatch(join);
    await colleague.wx('#field-name >> input').fill(name);
    await colleague.snap('join-filled');
    await colleague.tap('#redeem');
    await colleague.arrive('packages/admin/pages/home/index', 'joined-home');

    // Their first piece of work: a note as they start on the enquiry.
    await openFromHome(colleague, '#to-enquiries', 'packages/admin/pages/enquiries/index', 'inbox');
    await colleague.waitForText(`#enquiry-${enquiryId}`, organization);
    await colleague.tap(`#enquiry-${enquiryId}`);
    await colleague.arrive('packages/admin/pages/enquiry/index', 'enquiry');
    const note = `已发邮件联系王女士（${scheme}）。`;
    await colleague.wx('#field-note >> textarea').fill(note);
    await colleague.settle();
    await colleague.tap('#start');
    await colleague.waitForText('.enquiry__note', note);
    expect(await colleague.text('.enquiry__note')).toContain(you);
    await colleague.snap('note-added');

    // The staff member reads the note under the colleague's name, and finds them on the staff page.
    await back(staff, 'packages/admin/pages/home/index');
    await openFromHome(staff, '#to-enquiries', 'packages/admin/pages/enquiries/index', 'inbox');
    await staff.tap(`#enquiry-${enquiryId}`);
    await staff.arrive('packages/admin/pages/enquiry/index', 'enquiry');
    await staff.waitForText('.enquiry__note', note);
    const shown = await staff.text('.enquiry__note');
    expect(shown).toContain(name);
    expect(shown).not.toContain(colleagueId);
    await staff.wx('#notes').scrollIntoViewIfNeeded();
    await staff.snap('note-by-name');

    await back(staff, 'packages/admin/pages/enquiries/index');
    await back(staff, 'packages/admin/pages/home/index');
    await openFromHome(staff, '#to-staff', 'packages/admin/pages/staff/index', 'staff-list');
    await staff.waitForText(`#member-${colleagueId}`, name);
    expect(await staff.text('#members')).not.toContain(colleagueId);
    await staff.wx(`#member-${colleagueId}`).scrollIntoViewIfNeeded();
    await staff.snap('staff-list-named');
  },
);
