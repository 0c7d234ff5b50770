import { installPrivacy, type PrivacyRuntime } from '../../../harness/privacy';
import { trigger, tap, type PageHandle, type SimNode, type WxMock } from '../../../harness/simulate';
import {
  button,
  callOk,
  cloudCaller,
  ENQUIRY_PAGE,
  installFileApis,
  installWxAs,
  loadedPage,
  SHARED_STAFF,
  sharedCloudApp,
  tempPng,
  textOf,
  until,
} from './helpers';

/**
 * A staff page's first privacy-scoped call after a public page registered its privacy popup:
 * WeChat keeps only the last `onNeedPrivacyAuthorization` listener, so unless the staff page shows
 * its own popup, the held call waits on the public page's, which is not on screen, forever.
 * Against the real `admin` function and storage on the shared local cloud.
 */

const EDITOR = 'packages/admin/pages/news-edit/index';
const PUBLIC_PAGE = 'packages/enquiry/pages/success/index';
const PRIVACY_APIS = ['setClipboardData', 'makePhoneCall', 'chooseMedia', 'chooseMessageFile'];

const run = Date.now().toString(36);

interface StaffWx {
  wx: WxMock;
  privacy: PrivacyRuntime;
  /** The APIs behind the privacy gate: called only once the staff member agreed. */
  clipboard: jest.Mock;
  dialler: jest.Mock;
  files: ReturnType<typeof installFileApis>;
}

/** `wx` for staff in `lang`, with the file APIs, then the privacy gate in front of them all. */
function installStaffWx(lang: 'zh' | 'en'): StaffWx {
  const wx = installWxAs(SHARED_STAFF, lang);
  const png = tempPng();
  const files = installFileApis(wx, sharedCloudApp(), {
    media: [{ tempFilePath: png.filePath, size: png.size }],
  });
  const { setClipboardData: clipboard, makePhoneCall: dialler } = wx;
  return { wx, files, clipboard, dialler, privacy: installPrivacy(PRIVACY_APIS) };
}

/** A public page with a privacy popup was shown before, and stays in the page stack. */
async function visitPublicPage(): Promise<PageHandle> {
  const page = await loadedPage(PUBLIC_PAGE, { id: `privacy-${run}`, status: 'received' });
  await page.onShow();
  await page.onHide();
  return page;
}

async function openStaffPage(path: string, query: Record<string, string> = {}): Promise<PageHandle> {
  const page = await loadedPage(path, query);
  await page.onShow();
  return page;
}

/** The shared popup inside a page's popup (the staff pages' wrapper, or the public one itself). */
function popupOf(page: PageHandle): SimNode | undefined {
  const host = page.querySelector('#privacy-popup');
  return host?.querySelector('#privacy-popup-inner') ?? host;
}

function shown(popup: SimNode | undefined): boolean {
  return Boolean(popup?.querySelector('#privacy-popup-sheet')?.querySelector('.t-popup'));
}

async function heldBy(page: PageHandle): Promise<SimNode> {
  await until(() => shown(popupOf(page)), { message: 'the staff page’s privacy popup did not show' });
  return popupOf(page) as SimNode;
}

async function agree(popup: SimNode) {
  await trigger(popup.querySelector('#privacy-popup-agree'), 'agreeprivacyauthorization');
}

/** An enquiry of a sender of its own with an email and a phone number. */
async function submitEnquiry(label: string): Promise<{ id: string; email: string }> {
  const email = `${label}-${run}@example.cn`;
  const { id } = await callOk<{ id: string }>(cloudCaller(`o-privacy-${label}-${run}`), 'enquiry', 'submit', {
    requestId: `privacy-${label}-${run}`,
    name: '隐私测试',
    organization: `隐私测试单位 ${label}`,
    email,
    phone: '+86 138-0000 0000',
    topic: 'business',
    message: '这是隐私授权测试的咨询内容，请联系我们。',
    consent: { privacy: true, crossBorder: true },
  });
  return { id, email };
}

/**
 * Staff in `lang` open the page of a new enquiry of `label`'s after a public page and tap `action`:
 * the enquiry, their `wx` and the popup that holds the call.
 */
async function heldOnEnquiry(label: string, lang: 'zh' | 'en', action: string) {
  const enquiry = await submitEnquiry(label);
  const staff = installStaffWx(lang);
  await visitPublicPage();
  const detail = await openStaffPage(ENQUIRY_PAGE, { id: enquiry.id });
  await tap(button(detail, action));
  return { enquiry, staff, popup: await heldBy(detail) };
}

describe('privacy prompt on staff pages', () => {
  it('holds the first image upload in the news editor until the staff member agrees in the editor’s own popup', async () => {
    const { wx, files, privacy } = installStaffWx('en');
    const publicPage = await visitPublicPage();
    const editor = await openStaffPage(EDITOR);

    await tap(button(editor, 'choose-cover'));
    const popup = await heldBy(editor);
    expect(textOf(popup.querySelector('.privacy-popup'))).toContain(
      'To choose an image, please read and agree to the Mini Program Privacy Guidelines first.',
    );
    expect(textOf(popup.querySelector('#privacy-popup-agree'))).toBe('Agree');
    expect(shown(popupOf(publicPage))).toBe(false);
    expect(files.chooseMedia).not.toHaveBeenCalled();
    expect(textOf(button(editor, 'choose-cover'))).toBe('Uploading…');

    await agree(popup);
    await until(() => editor.data.uploading === false, { message: 'the upload did not finish' });
    expect(privacy.resolutions).toEqual([
      { event: 'exposureAuthorization' },
      { event: 'agree', buttonId: 'privacy-popup-agree' },
    ]);
    const fileId = (editor.data.form as { cover: { fileId: string } }).cover.fileId;
    expect(fileId).toMatch(/^cloud:\/\/local\.local-bucket\/news-covers\/.+\.png$/);
    expect(editor.querySelector('#cover-image')?.dom?.tagName).toBe('WX-IMAGE');
    await until(() => !shown(popupOf(editor)), { message: 'the privacy popup did not close' });
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  it('holds the first copy of an enquirer’s email, then copies it once agreed, in English', async () => {
    const { enquiry, staff, popup } = await heldOnEnquiry('copy', 'en', 'copy-email');
    const { clipboard } = staff;
    expect(textOf(popup.querySelector('.privacy-popup'))).toContain('To copy text, please read and agree');
    expect(textOf(popup.querySelector('#privacy-popup-title'))).toBe('Privacy notice');
    expect(clipboard).not.toHaveBeenCalled();

    await agree(popup);
    expect(clipboard).toHaveBeenCalledWith(expect.objectContaining({ data: enquiry.email }));
  });

  it('holds the first call to an enquirer, then dials once agreed, in Chinese', async () => {
    const { staff, popup } = await heldOnEnquiry('call', 'zh', 'call');
    const { dialler } = staff;
    expect(textOf(popup.querySelector('.privacy-popup'))).toContain(
      '拨打电话需要您先阅读并同意《小程序隐私保护指引》',
    );
    expect(dialler).not.toHaveBeenCalled();

    await agree(popup);
    expect(dialler).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '+8613800000000' }));
  });
});
