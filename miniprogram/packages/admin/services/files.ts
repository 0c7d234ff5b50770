import { ATTACHMENT_MAX_BYTES, COVER_MAX_BYTES, MAX_ATTACHMENTS } from '../../../contract/constants';
import { t, type MessageKey } from '../i18n/index';
import { fileSize } from '../utils/format';

/**
 * Files staff attach: news images (a cover or an image in the body, compressed on the phone) and opportunity PDFs, each
 * checked against the server's limits before it is uploaded to cloud storage with
 * `wx.cloud.uploadFile`. The answer is the `cloud://` file ID the save actions take.
 */

/** Cover types the `admin` function accepts (schema.ts IMAGE_FILE). */
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const;
/** A cover larger than this is compressed on the phone first. */
const COMPRESS_ABOVE_BYTES = 300 * 1024;
const COMPRESS_QUALITY = 80;
/** Wide enough for the full-width cover on any phone. */
const COMPRESS_WIDTH_PX = 1280;
/** What a cover may weigh once compressed, and the attachment limits: the contract's, as the function checks them. */
export { COVER_MAX_BYTES, MAX_ATTACHMENTS };
export const PDF_MAX_BYTES = ATTACHMENT_MAX_BYTES;
/** schema.ts: an attachment's name is at most 100 characters and ends in `.pdf`. */
const PDF_NAME_MAX = 100;

/** A file the staff member chose that cannot be used, or an upload that failed; the message says why. */
export class FileRejected extends Error {
  /** The staff member stopped the upload: nothing to report. */
  readonly cancelled: boolean;

  constructor(key: MessageKey, params: Record<string, string | number> = {}) {
    super(t(key, params));
    this.name = 'FileRejected';
    this.cancelled = key === 'upload.cancelled';
  }
}

/** Watches one upload: its progress, and the way to stop it. */
export interface UploadWatch {
  /** 0–100 as the bytes go out (`UploadTask.onProgressUpdate`). */
  onProgress?(percent: number): void;
  /** Called as the upload starts, with what cancels it (`UploadTask.abort`). */
  onStart?(cancel: () => void): void;
}

/** Why storage refused an upload, from the platform's `errMsg`: the file too large, or the network. */
function uploadFailure(error: unknown): MessageKey {
  const message = (error as { errMsg?: string } | undefined)?.errMsg ?? '';
  return /exceed|too large|entitytoolarge|size/i.test(message) ? 'upload.tooLarge' : 'upload.network';
}

/** Cancelling a picker is the user's choice, not an error. */
function cancelled(error: unknown): boolean {
  return /cancel/i.test((error as { errMsg?: string } | undefined)?.errMsg ?? '');
}

function extensionOf(path: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(path);
  return match?.[1]?.toLowerCase() ?? '';
}

function uniqueName(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function sizeOf(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: reject,
    });
  });
}

/**
 * Uploads with the task form of `wx.cloud.uploadFile` (callbacks given, an `UploadTask` answered),
 * so `watch` sees the progress and can cancel; a failure says why.
 */
function upload(cloudPath: string, filePath: string, watch: UploadWatch = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    let cancelled = false;
    const task = wx.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve(res.fileID),
      fail: (error) => reject(new FileRejected(cancelled ? 'upload.cancelled' : uploadFailure(error))),
    });
    task.onProgressUpdate((res) => watch.onProgress?.(res.progress));
    watch.onStart?.(() => {
      cancelled = true;
      task.abort();
    });
  });
}

/** A photo picked and prepared for upload: compressed when large, checked against the limits. */
export interface PickedImage {
  path: string;
  extension: string;
}

/** Where an image goes: the news folder of storage, which public pages may show (contract/rules.ts). */
export type ImageUse = 'cover' | 'body';

const IMAGE_FOLDER = 'news-covers';

/**
 * Lets the staff member pick or take one photo, compresses it when large and checks type and size;
 * null when they cancelled. `use` names the image in the messages.
 */
export async function pickImage(use: ImageUse = 'cover'): Promise<PickedImage | null> {
  const typeMessage = use === 'cover' ? 'upload.imageType' : 'upload.bodyImageType';
  let chosen: { tempFilePath: string; size: number } | undefined;
  try {
    const res = await wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    chosen = res.tempFiles[0];
  } catch (error) {
    if (cancelled(error)) return null;
    throw new FileRejected('upload.failed');
  }
  if (!chosen) return null;
  let path = chosen.tempFilePath;
  let size = chosen.size;
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(path))) {
    throw new FileRejected(typeMessage);
  }
  if (size > COMPRESS_ABOVE_BYTES) {
    const compressed = await wx.compressImage({
      src: path,
      quality: COMPRESS_QUALITY,
      compressedWidth: COMPRESS_WIDTH_PX,
    });
    path = compressed.tempFilePath;
    size = await sizeOf(path);
  }
  const extension = extensionOf(path);
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new FileRejected(typeMessage);
  }
  if (size > COVER_MAX_BYTES)
    throw new FileRejected('upload.imageTooLarge', { max: fileSize(COVER_MAX_BYTES) });
  return { path, extension };
}

/** Uploads a picked image to the news folder; its `cloud://` file ID. */
export function uploadImage(image: PickedImage, use: ImageUse = 'cover'): Promise<string> {
  const prefix = use === 'body' ? 'body-' : '';
  return upload(`${IMAGE_FOLDER}/${prefix}${uniqueName()}.${image.extension}`, image.path);
}

/** Picks a cover photo and uploads it; null when the staff member cancelled the picker. */
export async function chooseAndUploadCover(watch: UploadWatch = {}): Promise<string | null> {
  const image = await pickImage('cover');
  return image ? upload(`${IMAGE_FOLDER}/${uniqueName()}.${image.extension}`, image.path, watch) : null;
}

/**
 * Picks a photo for the region profile (the home page's image or the logo) and uploads it to the
 * profile's folder; null when the staff member cancelled.
 */
export async function chooseAndUploadProfileImage(): Promise<string | null> {
  const image = await pickImage('cover');
  return image ? upload(`profile-files/${uniqueName()}.${image.extension}`, image.path) : null;
}

export interface UploadedPdf {
  fileId: string;
  name: string;
  sizeBytes: number;
}

/** A name the function accepts: at most 100 characters, ending in `.pdf`. */
function attachmentName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= PDF_NAME_MAX) return chars.join('');
  const suffix = '.pdf';
  return `${chars.slice(0, PDF_NAME_MAX - suffix.length).join('')}${suffix}`;
}

/**
 * Lets the staff member pick one PDF from a chat (WeChat offers files only from chats: the page says
 * to send it to 文件传输助手 first), checks it and uploads it; null when they cancelled the picker.
 */
export async function chooseAndUploadPdf(watch: UploadWatch = {}): Promise<UploadedPdf | null> {
  let chosen: { path: string; size: number; name: string } | undefined;
  try {
    const res = await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
    chosen = res.tempFiles[0];
  } catch (error) {
    if (cancelled(error)) return null;
    throw new FileRejected('upload.failed');
  }
  if (!chosen) return null;
  if (extensionOf(chosen.name) !== 'pdf') throw new FileRejected('upload.pdfType');
  if (chosen.size <= 0) throw new FileRejected('upload.pdfEmpty');
  if (chosen.size > PDF_MAX_BYTES)
    throw new FileRejected('upload.pdfTooLarge', { max: fileSize(PDF_MAX_BYTES) });
  const fileId = await upload(`opportunity-files/${uniqueName()}.pdf`, chosen.path, watch);
  return { fileId, name: attachmentName(chosen.name), sizeBytes: chosen.size };
}
