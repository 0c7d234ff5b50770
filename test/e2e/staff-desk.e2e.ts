/**
 * A staff member's desk in the browser preview, in light and in dark: the staff home's first
 * screen shows the work waiting (new enquiries, new visit requests) above the alerts switch and
 * the charts; a tap opens the inbox filtered to the new ones; the inbox exports an Excel file,
 * which is sent on (the preview hands it to the browser's downloads) and read back as a workbook.
 */
import fs from 'node:fs';
import { readXlsx, shownRows } from '../harness/xlsx';
import { callFunction, journeySuite, STAFF_OPENID } from './harness';

const suite = journeySuite();
const run = Date.now().toString(36);

const { session } = suite;

/** A partner's enquiry, sent to the `enquiry` function as the public form sends it. */
async function submitEnquiry(sender: string, data: Record<string, unknown>): Promise<void> {
  await callFunction(
    suite.app,
    'enquiry',
    {
      action: 'submit',
      data: {
        requestId: `desk-${sender}`,
        name: '王伟',
        email: 'wang.wei@example.cn',
        phone: '+86 138 0000 0000',
        topic: 'knowledge',
        message: '我们希望与中日德兰大区交流合作经验，请与我们联系。',
        consent: { privacy: true, crossBorder: true },
        ...data,
      },
    },
    sender,
  );
}

test.each(['light', 'dark'] as const)(
  'staff desk (%s): pending work first, into the filtered inbox, export sent on as an Excel file',
  async (scheme) => {
    const inTwoWeeks = new Date(Date.now() + 14 * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
    await submitEnquiry(`o-e2e-desk-${scheme}-${run}`, { organization: `上海交通大学（${scheme}）` });
    await submitEnquiry(`o-e2e-desk-visit-${scheme}-${run}`, {
      organization: `复旦大学代表团（${scheme}）`,
      kind: 'visit',
      visit: { from: inTwoWeeks, to: inTwoWeeks, groupSize: 8 },
    });

    const staff = await session(STAFF_OPENID, `staff-desk-${scheme}`, scheme);
    await staff.tap('#tab-contact');
    await staff.arrive('pages/contact/index', 'contact');
    await staff.tap('#staff-entry-cell');
    await staff.arrive('packages/admin/pages/home/index', 'admin-home-first-screen');
    expect(await staff.text('#pending')).toMatch(/^待处理 \d+ 条 →$/);
    await staff.waitForText('#new-visits', /^新来访申请 \d+ 条 →$/);
    await staff.waitForText('.admin-home__visit', `复旦大学代表团（${scheme}）`);
    // The pending work sits above the alerts switch, which sits above the charts.
    const top = async (selector: string) => (await staff.wx(selector).boundingBox())?.y ?? Infinity;
    expect(await top('#pending')).toBeLessThan(await top('#alerts-switch'));
    expect(await top('#alerts-switch')).toBeLessThan(await top('#chart-weeks'));
    await staff.wx('#chart-topics').scrollIntoViewIfNeeded();
    await staff.snap('admin-home-charts');

    await staff.tap('#pending');
    await staff.arrive('packages/admin/pages/enquiries/index', 'inbox-new');
    await staff.waitForText('.admin-list__item', `上海交通大学（${scheme}）`);

    await staff.tap('#export');
    await staff.wx('#share-export').waitFor();
    await staff.snap('inbox-exported');
    const download = staff.page.waitForEvent('download');
    await staff.tap('#share-export');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^咨询导出-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = readXlsx(fs.readFileSync(await file.path()));
    const rows = shownRows(sheet);
    expect(rows[0]?.slice(0, 3)).toEqual(['编号', '参考号', '类型']);
    const row = rows.find((cells) => cells.includes(`上海交通大学（${scheme}）`)) ?? [];
    expect(row).toContain('+86 138 0000 0000');
    expect(row.some((cell) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(CES?T\)$/.test(cell))).toBe(true);
    await staff.page
      .locator('[data-preview-notice="share-file"]')
      .filter({ hasText: '已转发文件到聊天' })
      .waitFor();
    await staff.snap('inbox-file-sent');
  },
);
