import { cloudCaller, testCloudApp } from '../../harness/cloud-client';
import { installWx, loadPage, tap, trigger, type CallFunction } from '../../harness/simulate';
import {
  button,
  errorMessage,
  expectCellOpens,
  expectSelectsTab,
  failingFirst,
  loadHeld,
  openPage,
  statePart,
  textOf,
  until,
} from '../../harness/page-helpers';
import { PROFILE } from '../../../cloudbase/seed/profile';
import { timeDifference } from '../../../cloudfunctions/content/src/time-difference';
import { RESPONSE_WORKING_DAYS_DEFAULT } from '../../../contract/constants';

/**
 * 联系 against the real `content` function on the seeded local cloud. Expected content comes from the
 * seed module, so rewording the seed does not break these tests.
 */

const OFFICE = PROFILE.internationalOffice;
const PERSON = PROFILE.contact;

const CONTACT = 'pages/contact/index';

const openContact = (callFunction: CallFunction) => openPage(CONTACT, callFunction);

describe('联系', () => {
  it('shows a skeleton while loading, then the office and its contact person', async () => {
    const { page, finish } = await loadHeld(CONTACT, cloudCaller('contact-reader'));
    expect(statePart(page, 'state-view-skeleton')).toBeDefined();
    expect(textOf(page.querySelector('#email'))).toBe('');
    await finish();

    expect(statePart(page, 'state-view-skeleton')).toBeUndefined();
    expect(textOf(page.querySelector('#office'))).toContain(OFFICE.name);
    expect(textOf(page.querySelector('#office'))).toContain(OFFICE.nameOriginal);
    expect(textOf(page.querySelector('#person'))).toContain(`${PERSON.name} ${PERSON.salutation}`);
    expect(textOf(page.querySelector('#person'))).toContain(`${PERSON.title}（${PERSON.titleOriginal}）`);
    expect(textOf(page.querySelector('#email'))).toBe(PERSON.email);
    expect(textOf(page.querySelector('#phone'))).toBe(PERSON.mobile.display);
    expect(textOf(page.querySelector('#address'))).toBe(PERSON.address.zh);
    expect(page.querySelectorAll('.contact__postal-line').map(textOf)).toEqual(PERSON.address.linesOriginal);
  });

  it('copies the e-mail address, calls the dial form of the number and copies the postal address', async () => {
    const { page, wx } = await openContact(cloudCaller('contact-actions'));

    await tap(button(page, 'copy-email'));
    expect(wx.setClipboardData).toHaveBeenLastCalledWith(expect.objectContaining({ data: PERSON.email }));
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '邮箱已复制' }));

    await tap(button(page, 'call'));
    expect(wx.makePhoneCall).toHaveBeenCalledWith(
      expect.objectContaining({ phoneNumber: PERSON.mobile.dial }),
    );

    await tap(button(page, 'copy-address'));
    expect(wx.setClipboardData).toHaveBeenLastCalledWith(
      expect.objectContaining({ data: PERSON.address.linesOriginal.join(', ') }),
    );
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '地址已复制' }));
  });

  it('offers the map only once staff have entered the office coordinates', async () => {
    const { page: plain } = await openContact(cloudCaller('contact-map-reader'));
    expect(plain.querySelector('#open-map')).toBeUndefined();

    const db = testCloudApp().database();
    await db
      .collection('profile')
      .doc('region')
      .update({ 'contact.location': { latitude: 56.45, longitude: 9.4 } });
    try {
      const { page, wx } = await openContact(cloudCaller('contact-map-reader'));
      const openLocation = jest.fn();
      (wx as unknown as { openLocation: jest.Mock }).openLocation = openLocation;
      await tap(button(page, 'open-map'));
      expect(openLocation).toHaveBeenCalledWith(
        expect.objectContaining({ latitude: 56.45, longitude: 9.4, name: OFFICE.name }),
      );
    } finally {
      await db
        .collection('profile')
        .doc('region')
        .update({ contact: { location: db.command.remove() } });
    }
  });

  it('labels its icon-only buttons for screen readers', async () => {
    const { page } = await openContact(cloudCaller('contact-a11y'));
    expect(page.querySelector('#copy-email')?.data.ariaLabel).toBe('复制邮箱');
    expect(page.querySelector('#call')?.data.ariaLabel).toBe('拨打电话');
    expect(page.querySelector('#copy-address')?.data.ariaLabel).toBe('复制地址');
  });

  it('describes LinkedIn and WeChat as the source does, without inventing accounts', async () => {
    const { page } = await openContact(cloudCaller('contact-social'));
    expect(textOf(page.querySelector('#social-linkedin'))).toContain(PERSON.linkedin.platform);
    expect(textOf(page.querySelector('#social-linkedin'))).toContain(PERSON.linkedin.description);
    expect(textOf(page.querySelector('#social-wechat'))).toContain(PERSON.wechat.platform);
    expect(textOf(page.querySelector('#social-hint'))).toBe(
      '暂未提供账号链接，如需账号名称，请邮件联系国际事务办公室。',
    );
  });

  it('tells a reader in China the time difference today, that Chinese is welcome and how soon the office answers', async () => {
    const { page } = await openContact(cloudCaller('contact-from-china'));
    // The server's clock decides the season; the page shows what it answered.
    const { hoursBehind, otherSeasonHoursBehind, summerTime } = timeDifference(new Date());
    const time = textOf(page.querySelector('#time-difference'));
    expect(time).toContain(`比北京时间晚 ${hoursBehind} 小时`);
    expect(time).toContain(
      summerTime
        ? `冬季晚 ${otherSeasonHoursBehind} 小时`
        : `夏令时期间（3月底至10月底）晚 ${otherSeasonHoursBehind} 小时`,
    );
    expect(time).toContain(`北京时间 15:00，丹麦为 ${String(15 - hoursBehind).padStart(2, '0')}:00`);
    expect(textOf(page.querySelector('#language'))).toContain('欢迎用中文书面咨询');
    expect(textOf(page.querySelector('#language'))).toContain('在小程序中用中文答复');
    expect(textOf(page.querySelector('#response-time'))).toBe(
      `通常在 ${RESPONSE_WORKING_DAYS_DEFAULT} 个工作日内答复（按丹麦工作日计算）。`,
    );
  });

  it('offers LinkedIn’s address to copy and the official account to open once staff have entered them', async () => {
    const { page: plain } = await openContact(cloudCaller('contact-accounts'));
    expect(plain.querySelector('#copy-linkedin')).toBeUndefined();
    expect(plain.querySelector('#open-official-account')).toBeUndefined();

    const db = testCloudApp().database();
    const profile = db.collection('profile').doc('region');
    const url = 'https://www.linkedin.com/company/region-midtjylland';
    await profile.update({ 'contact.linkedin.url': url, 'contact.wechat.username': 'gh_0123456789ab' });
    try {
      const { page, wx } = await openContact(cloudCaller('contact-accounts'));
      expect(page.querySelector('#social-hint')).toBeUndefined();
      expect(textOf(page.querySelector('#social-linkedin-url'))).toBe(url);
      expect(page.querySelector('#copy-linkedin')?.data.ariaLabel).toBe('复制链接');
      await tap(button(page, 'copy-linkedin'));
      expect(wx.setClipboardData).toHaveBeenLastCalledWith(expect.objectContaining({ data: url }));
      expect(wx.showToast).toHaveBeenLastCalledWith(
        expect.objectContaining({ title: '链接已复制，可在浏览器中打开' }),
      );

      const openOfficialAccountProfile = jest.fn();
      Object.assign(wx, { openOfficialAccountProfile });
      await tap(button(page, 'open-official-account'));
      expect(openOfficialAccountProfile).toHaveBeenCalledWith(
        expect.objectContaining({ username: 'gh_0123456789ab' }),
      );

      // An older WeChat without the API is told what to do instead.
      Object.assign(wx, { openOfficialAccountProfile: undefined });
      await tap(button(page, 'open-official-account'));
      expect(wx.showToast).toHaveBeenLastCalledWith(
        expect.objectContaining({ title: '当前微信版本无法打开公众号，请升级微信后重试' }),
      );
    } finally {
      await profile.update({
        'contact.linkedin.url': db.command.remove(),
        'contact.wechat.username': db.command.remove(),
      });
    }
  });

  it('leads to the enquiry form and to 我的咨询', async () => {
    const { page, wx } = await openContact(cloudCaller('contact-links'));
    await expectCellOpens(wx, page.querySelector('#to-enquiry'), '/packages/enquiry/pages/form/index');
    await expectCellOpens(wx, page.querySelector('#to-mine'), '/packages/enquiry/pages/mine/index');
  });

  it('asks for WeChat’s privacy authorisation before the first copy, then copies', async () => {
    type Resolve = (result: { event: string; buttonId?: string }) => void;
    let listener: ((resolve: Resolve, info: { referrer: string }) => void) | undefined;
    const wx = installWx({ callFunction: cloudCaller('contact-privacy') });
    Object.assign(wx, { onNeedPrivacyAuthorization: jest.fn((next: typeof listener) => (listener = next)) });
    // As the base library does before the user agreed: the call waits for the page's answer.
    wx.setClipboardData.mockImplementation((options: { success?: () => void }) =>
      listener?.((result) => result.event === 'agree' && options.success?.(), {
        referrer: 'setClipboardData',
      }),
    );
    const page = loadPage(CONTACT);
    await page.onLoad();
    await page.onShow();

    await tap(button(page, 'copy-email'));
    const popup = page.querySelector('#privacy-popup');
    await until(() => Boolean(popup?.querySelector('#privacy-popup-sheet')?.querySelector('.t-popup')));
    expect(textOf(popup?.querySelector('.privacy-popup__body'))).toContain('复制内容需要您先阅读并同意');
    expect(wx.showToast).not.toHaveBeenCalled();

    await trigger(popup?.querySelector('#privacy-popup-agree'), 'agreeprivacyauthorization');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '邮箱已复制' }));
  });

  it('marks its tab in the custom tab bar when shown', async () => {
    await expectSelectsTab(CONTACT, cloudCaller('contact-tab'), 'contact');
  });

  it('shows the error with a retry that loads the card', async () => {
    const call = cloudCaller('contact-error');
    const { page } = await openContact(failingFirst(2, call)); // the service retries a read once
    expect(errorMessage(page)).toBe('网络连接异常，请检查网络后重试');
    expect(textOf(page.querySelector('#email'))).toBe('');

    await tap(statePart(page, 'state-view-retry')?.querySelector('.t-button'));
    await until(() => textOf(page.querySelector('#email')) !== '');
    expect(textOf(page.querySelector('#email'))).toBe('pia.fabrin@ru.rm.dk');
    expect(statePart(page, 'state-view-error')).toBeUndefined();
  });
});
