/**
 * Temporary files (`wxfile://tmp_….ext` paths, as on a phone, each backed by a Blob), the file
 * system manager's reads, downloads and uploads, images, documents, and the choosers (the
 * browser's file chooser stands in for WeChat's album, camera and chat file pickers).
 */
import { logAction } from '../missing';
import { showNotice } from '../ui';
import { api, WxError, type Data, type Gated } from './context';
import { withMissingReport } from './missing-report';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** How long a file handed to the browser's downloads stays readable by its object URL. */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

/** The temporary files of this page session. */
export class TempFiles {
  private readonly blobs = new Map<string, Blob>();
  /** Object URLs are made once per path. */
  private readonly urls = new Map<string, string>();

  /** A temporary path for `blob`, keeping the extension the app checks (`.jpg`, `.pdf`…). */
  save(blob: Blob, nameOrUrl = ''): string {
    const fromName = /\.([A-Za-z0-9]{1,8})(?:[?#]|$)/.exec(nameOrUrl)?.[1];
    const extension = (fromName ?? EXTENSIONS[blob.type.split(';')[0] ?? ''] ?? 'bin').toLowerCase();
    const path = `wxfile://tmp_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}.${extension}`;
    this.blobs.set(path, blob);
    return path;
  }

  blob(path: string): Blob {
    const blob = this.blobs.get(path);
    if (!blob) throw new WxError(`no such file or directory ${path}`);
    return blob;
  }

  /** A URL the browser can load for a temporary path. */
  url(path: string): string {
    let url = this.urls.get(path);
    if (!url) {
      url = URL.createObjectURL(this.blob(path));
      this.urls.set(path, url);
    }
    return url;
  }
}

/** Draws an image smaller as `wx.compressImage` does: JPEG at `quality`, at most `width` wide. */
async function compress(blob: Blob, quality: number, width?: number): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const scale = width && bitmap.width > width ? width / bitmap.width : 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (out) => (out ? resolve(out) : reject(new WxError('compress failed'))),
      'image/jpeg',
      quality / 100,
    ),
  );
}

/** The browser's file chooser; cancelling it is WeChat's `cancel`. */
function chooseFiles(accept: string, count: number): Promise<File[]> {
  return new Promise<File[]>((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = count > 1;
    input.addEventListener('change', () => resolve([...(input.files ?? [])].slice(0, count)));
    input.addEventListener('cancel', () => reject(new WxError('cancel')));
    input.click();
  });
}

const kindOf = (file: Blob) =>
  file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'file';

export interface FileServices {
  temp: TempFiles;
  track<T>(work: Promise<T>): Promise<T>;
  gated: Gated;
  /** A URL the browser can load for a source: cloud file IDs and temporary paths too. */
  resolveFileUrl(src: string): Promise<string>;
}

/** Fetches `url` into a temporary file. */
export async function download(services: Pick<FileServices, 'temp' | 'track'>, url: string, header?: Data) {
  const response = await services.track(fetch(url, { headers: (header ?? {}) as Record<string, string> }));
  const blob = await services.track(response.blob());
  return {
    tempFilePath: services.temp.save(blob, new URL(url, location.href).pathname),
    statusCode: response.status,
    dataLength: blob.size,
  };
}

export function fileApis(services: FileServices): Data {
  const { temp, track, gated } = services;
  const fileSystemManager = withMissingReport(
    {
      getFileInfo: api('getFileInfo', (args) => ({ size: temp.blob(String(args.filePath)).size })),
      stat: api('stat', (args) => ({
        stats: { size: temp.blob(String(args.path)).size, isFile: () => true, isDirectory: () => false },
      })),
      access: api('access', (args) => void temp.blob(String(args.path))),
      readFile: api('readFile', async (args) => {
        const blob = temp.blob(String(args.filePath));
        if (args.encoding === 'utf8' || args.encoding === 'utf-8') return { data: await blob.text() };
        const buffer = await blob.arrayBuffer();
        if (args.encoding === 'base64') return { data: btoa(String.fromCharCode(...new Uint8Array(buffer))) };
        return { data: buffer };
      }),
    },
    'wx.getFileSystemManager()',
  );

  return {
    downloadFile: api('downloadFile', (args) =>
      download(services, String(args.url ?? ''), args.header as Data),
    ),
    getFileSystemManager: () => fileSystemManager,
    compressImage: api('compressImage', async (args) => {
      const blob = await compress(
        temp.blob(String(args.src)),
        Number(args.quality ?? 80),
        args.compressedWidth as number | undefined,
      );
      return { tempFilePath: temp.save(blob, '.jpg') };
    }),
    uploadFile: api('uploadFile', async (args) => {
      const file = temp.blob(String(args.filePath));
      const form = new FormData();
      for (const [key, value] of Object.entries((args.formData ?? {}) as Data))
        form.append(key, String(value));
      form.append(String(args.name ?? 'file'), file);
      const response = await track(
        fetch(String(args.url), {
          method: 'POST',
          body: form,
          headers: (args.header ?? {}) as Record<string, string>,
        }),
      );
      return { data: await response.text(), statusCode: response.status };
    }),
    /**
     * `wx.shareFileMessage`: WeChat opens its chat picker (文件传输助手 or a colleague) and sends the
     * file; the preview has no chats, so it names the file sent and hands it to the browser's
     * downloads under the name the chat would show.
     */
    shareFileMessage: api('shareFileMessage', (args) => {
      const filePath = String(args.filePath ?? '');
      const blob = temp.blob(filePath);
      const fileName = String(args.fileName || filePath.replace(/^.*\//, ''));
      logAction('转发文件到聊天', fileName);
      showNotice('share-file', '已转发文件到聊天', [fileName, '预览没有微信聊天：文件已交给浏览器下载']);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      link.click();
      // Revoked later, not at once: Chromium may still be reading the Blob for the download.
      const href = link.href;
      setTimeout(() => URL.revokeObjectURL(href), DOWNLOAD_URL_LIFETIME_MS);
    }),
    openDocument: api('openDocument', (args) => {
      const filePath = String(args.filePath ?? '');
      const url = temp.url(filePath);
      logAction('打开文档', `${String(args.fileType ?? '')} ${filePath}`);
      // WeChat shows the document full screen; the preview opens it in a new tab.
      const opened = window.open(url, '_blank');
      showNotice('document', '已在新标签页打开文档', [String(args.fileType ?? '文件')]);
      if (opened === null) logAction('打开文档', '浏览器拦截了新标签页');
    }),
    chooseMessageFile: gated('chooseMessageFile', async (args) => {
      const extensions = ((args.extension ?? []) as string[]).map(
        (extension) => `.${extension.replace(/^\./, '')}`,
      );
      const accept =
        args.type === 'image' ? 'image/*' : args.type === 'video' ? 'video/*' : extensions.join(',');
      const files = await chooseFiles(accept, Number(args.count ?? 1));
      return {
        tempFiles: files.map((file) => ({
          path: temp.save(file, file.name),
          size: file.size,
          name: file.name,
          type: kindOf(file),
          time: Math.floor(file.lastModified / 1000),
        })),
      };
    }),
    chooseMedia: gated('chooseMedia', async (args) => {
      const types = (args.mediaType as string[] | undefined) ?? ['image', 'video'];
      const files = await chooseFiles(types.map((type) => `${type}/*`).join(','), Number(args.count ?? 9));
      return {
        type: files.every((file) => kindOf(file) === 'image') ? 'image' : 'mix',
        tempFiles: files.map((file) => ({
          tempFilePath: temp.save(file, file.name),
          size: file.size,
          fileType: kindOf(file),
        })),
      };
    }),
    chooseImage: gated('chooseImage', async (args) => {
      const files = await chooseFiles('image/*', Number(args.count ?? 9));
      const paths = files.map((file) => temp.save(file, file.name));
      return {
        tempFilePaths: paths,
        tempFiles: files.map((file, index) => ({ path: paths[index], size: file.size })),
      };
    }),
    previewImage: api('previewImage', async (args) => {
      const current = String(args.current ?? ((args.urls ?? []) as string[])[0] ?? '');
      logAction('预览图片', current);
      window.open(await services.resolveFileUrl(current), '_blank');
    }),
  };
}
