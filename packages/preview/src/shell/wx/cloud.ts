/**
 * `wx.cloud`: the local cloud on this origin. Functions through `POST /functions/<name>` with the
 * chosen OPENID, storage through the server API (`POST /admin`) as the SDK speaks it.
 */
import { api, WxError, type Args, type Data } from './context';
import { download, type TempFiles } from './files';

export interface CloudServices {
  openid: string;
  temp: TempFiles;
  track<T>(work: Promise<T>): Promise<T>;
}

export interface Cloud {
  apis: Data;
  /** A URL the browser can load for an `<image>` source: cloud file IDs and temporary paths too. */
  resolveFileUrl(src: string): Promise<string>;
}

/** How long a temporary URL for a cloud file is asked to live, in seconds. */
const TEMP_URL_MAX_AGE_S = 7200;

export function cloud(services: CloudServices): Cloud {
  const { openid, temp, track } = services;

  async function callFunction(args: Args): Promise<Data> {
    const name = String(args.name ?? '');
    if (!name) throw new WxError('function name is required');
    const response = await track(
      fetch(`/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(args.data ?? {}),
      }),
    );
    if (response.status === 404)
      throw new WxError(`-501000 FunctionName parameter could not be found: ${name}`);
    const result = (await track(response.json())) as unknown;
    return { result, requestID: response.headers.get('x-request-id') ?? `preview-${Date.now()}` };
  }

  async function adminApi(action: string, body: Data): Promise<Data> {
    const response = await track(
      fetch('/admin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, ...body }),
      }),
    );
    const answer = (await response.json()) as Data;
    if (answer.code) throw new WxError(`${String(answer.code)} ${String(answer.message ?? '')}`);
    return (answer.data ?? {}) as Data;
  }

  async function tempFileUrls(fileList: unknown[]): Promise<Data[]> {
    const ids = fileList.map((item) => (typeof item === 'string' ? item : String((item as Data).fileID)));
    const data = await adminApi('storage.batchGetDownloadUrl', {
      file_list: ids.map((fileid) => ({ fileid, max_age: TEMP_URL_MAX_AGE_S })),
    });
    return ((data.download_list ?? []) as Data[]).map((entry) => ({
      fileID: entry.fileID,
      tempFileURL: entry.tempFileURL ?? '',
      status: entry.code === 'SUCCESS' ? 0 : -1,
      errMsg: entry.code === 'SUCCESS' ? 'ok' : String(entry.code),
    }));
  }

  /**
   * `wx.cloud.uploadFile`: a promise without callbacks; with any of them an `UploadTask` whose
   * `onProgressUpdate` hears the bytes go out and whose `abort` stops them (XMLHttpRequest, since
   * fetch reports no upload progress).
   */
  function uploadFile() {
    return (args: Args = {}) => {
      const listeners: ((res: Data) => void)[] = [];
      let request: XMLHttpRequest | null = null;
      let aborted = false;
      const put = (url: string, file: Blob) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          if (aborted) throw new WxError('abort');
          const xhr = new XMLHttpRequest();
          request = xhr;
          xhr.open('PUT', url);
          xhr.upload.onprogress = (event) => {
            const res = {
              progress: event.total ? Math.round((event.loaded / event.total) * 100) : 0,
              totalBytesSent: event.loaded,
              totalBytesExpectedToSend: event.total,
            };
            for (const listener of listeners) listener(res);
          };
          xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
          xhr.onerror = () => reject(new WxError('request:fail network error'));
          xhr.onabort = () => reject(new WxError('abort'));
          xhr.send(file);
        });
      const run = api('cloud.uploadFile', async (call) => {
        const cloudPath = String(call.cloudPath ?? '');
        const file = temp.blob(String(call.filePath));
        const meta = await adminApi('storage.getUploadMetadata', { path: cloudPath });
        const response = await track(put(String(meta.url), file));
        // Read as the SDK reads COS's answer: empty is success, an <Error> document says why not.
        if (response.status >= 400 || response.text.includes('<Error>')) {
          const reason = /<Message>([^<]*)<\/Message>/.exec(response.text)?.[1] ?? String(response.status);
          throw new WxError(`upload failed (${reason})`);
        }
        return { fileID: meta.fileId, statusCode: 200 };
      });
      const answer = run(args);
      if (answer) return answer;
      return {
        onProgressUpdate: (listener: (res: Data) => void) => void listeners.push(listener),
        offProgressUpdate: (listener: (res: Data) => void) => {
          const at = listeners.indexOf(listener);
          if (at >= 0) listeners.splice(at, 1);
        },
        abort: () => {
          aborted = true;
          request?.abort();
        },
      };
    };
  }

  async function resolveFileUrl(src: string): Promise<string> {
    if (src.startsWith('wxfile://')) return temp.url(src);
    if (!src.startsWith('cloud://')) return src;
    const [entry] = await tempFileUrls([src]);
    if (!entry?.tempFileURL) throw new WxError(`cannot resolve ${src}`);
    return String(entry.tempFileURL);
  }

  return {
    resolveFileUrl,
    apis: {
      init: () => undefined,
      callFunction: api('cloud.callFunction', callFunction),
      uploadFile: uploadFile(),
      getTempFileURL: api('cloud.getTempFileURL', async (args) => ({
        fileList: await tempFileUrls((args.fileList ?? []) as unknown[]),
      })),
      downloadFile: api('cloud.downloadFile', async (args) =>
        download(services, await resolveFileUrl(String(args.fileID ?? ''))),
      ),
      deleteFile: api('cloud.deleteFile', async (args) => {
        const data = await adminApi('storage.batchDeleteFile', { fileid_list: args.fileList });
        return { fileList: data.delete_list };
      }),
    },
  };
}
