import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Cloud storage on a folder: `cloud://local.local-bucket/<cloudPath>` is `<dataDir>/storage/<cloudPath>`.
 * Uploads go through a one-time URL (as to COS); downloads through signed, expiring URLs.
 */

export const FILE_ID_PREFIX = 'cloud://local.local-bucket/';
const UPLOAD_URL_TTL_MS = 10 * 60_000;
const DEFAULT_DOWNLOAD_TTL_S = 24 * 3600;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json; charset=utf-8',
};

export class StorageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A cloud path is relative, uses `/`, and never leaves the storage folder. */
export function normaliseCloudPath(cloudPath: string): string {
  const clean = path.posix.normalize(cloudPath.replace(/^\/+/, ''));
  if (!cloudPath || clean.startsWith('..') || clean === '.' || /[\0%?#]/.test(clean) || clean.endsWith('/')) {
    throw new StorageError('INVALID_PARAM', `Invalid cloudPath: ${cloudPath}`);
  }
  return clean;
}

/** Whether `file` is a regular file: a cloud path names files, never the folders between them. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export class Storage {
  private readonly root: string;
  private readonly secret = randomBytes(32);
  private readonly uploads = new Map<string, { cloudPath: string; expires: number }>();

  constructor(
    dataDir: string,
    private readonly baseUrl: () => string,
  ) {
    this.root = path.join(dataDir, 'storage');
    fs.mkdirSync(this.root, { recursive: true });
  }

  private fileOf(cloudPath: string): string {
    return path.join(this.root, ...normaliseCloudPath(cloudPath).split('/'));
  }

  cloudPathOf(fileId: string): string {
    if (!fileId.startsWith(FILE_ID_PREFIX))
      throw new StorageError('INVALID_PARAM', `Unknown fileID: ${fileId}`);
    return normaliseCloudPath(decodeURIComponent(fileId.slice(FILE_ID_PREFIX.length)));
  }

  /** `storage.getUploadMetadata`: a one-time PUT URL for `cloudPath`. */
  uploadMetadata(cloudPath: string): Record<string, string> {
    const clean = normaliseCloudPath(cloudPath);
    const token = randomBytes(16).toString('hex');
    this.uploads.set(token, { cloudPath: clean, expires: Date.now() + UPLOAD_URL_TTL_MS });
    const fileId = `${FILE_ID_PREFIX}${clean}`;
    return {
      url: `${this.baseUrl()}/_local/storage/upload/${token}`,
      token,
      authorization: token,
      fileId,
      // Opaque, as COS's is: the SDK sends it in a header, where only ASCII is allowed.
      cosFileId: token,
    };
  }

  /** Receives the bytes of an upload; durable (written, synced, renamed) before it answers. */
  async receiveUpload(token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const upload = this.uploads.get(token);
    this.uploads.delete(token);
    if (!upload || upload.expires < Date.now()) {
      cosError(res, 'AccessDenied', 'The upload URL is unknown, used or expired');
      return;
    }
    const target = this.fileOf(upload.cloudPath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.upload-${token}`;
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
    });
    try {
      await pipeline(req, fs.createWriteStream(tmp));
      const fd = fs.openSync(tmp, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, target);
    } catch {
      fs.rmSync(tmp, { force: true });
      cosError(res, 'EntityTooLarge', `Uploads are limited to ${MAX_UPLOAD_BYTES} bytes`);
      return;
    }
    res.writeHead(200, { 'content-length': '0' });
    res.end();
  }

  private sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('hex');
  }

  /** `storage.batchGetDownloadUrl` */
  downloadUrls(list: { fileid: string; max_age?: number }[]): Record<string, unknown>[] {
    return list.map(({ fileid, max_age: maxAge }) => {
      try {
        const cloudPath = this.cloudPathOf(fileid);
        if (!isFile(this.fileOf(cloudPath))) {
          return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
        }
        const expires =
          Math.floor(Date.now() / 1000) + (maxAge && maxAge > 0 ? maxAge : DEFAULT_DOWNLOAD_TTL_S);
        // The path is not percent-encoded, as in CloudBase's temporary URLs: the SDK's downloadFile
        // applies encodeURI() to it, and fetch() or a browser encodes it the same way.
        const url = `${this.baseUrl()}/_local/files/${cloudPath}?t=${expires}&sign=${this.sign(cloudPath, expires)}`;
        return { fileID: fileid, tempFileURL: url, code: 'SUCCESS' };
      } catch {
        return { fileID: fileid, tempFileURL: '', code: 'INVALID_PARAM' };
      }
    });
  }

  /** `storage.batchDeleteFile` */
  deleteFiles(fileIds: string[]): Record<string, unknown>[] {
    return fileIds.map((fileId) => {
      try {
        const file = this.fileOf(this.cloudPathOf(fileId));
        if (!isFile(file)) return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST' };
        fs.rmSync(file);
        return { fileID: fileId, code: 'SUCCESS' };
      } catch {
        return { fileID: fileId, code: 'INVALID_PARAM' };
      }
    });
  }

  /** Serves `GET /_local/files/<cloudPath>?t=&sign=` */
  serve(urlPath: string, search: URLSearchParams, res: ServerResponse): void {
    let cloudPath: string;
    try {
      cloudPath = normaliseCloudPath(decodeURIComponent(urlPath));
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const expires = Number(search.get('t'));
    const given = Buffer.from(search.get('sign') ?? '', 'utf8');
    const wanted = Buffer.from(this.sign(cloudPath, expires), 'utf8');
    if (
      !Number.isFinite(expires) ||
      expires < Date.now() / 1000 ||
      given.length !== wanted.length ||
      !timingSafeEqual(given, wanted)
    ) {
      res
        .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The link is invalid or has expired');
      return;
    }
    const file = this.fileOf(cloudPath);
    if (!isFile(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': String(fs.statSync(file).size) });
    // A file deleted between the check and the read ends the response instead of the process.
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }
}

/** An upload error as COS words it; the SDK reads it from the XML body of an HTTP 200. */
function cosError(res: ServerResponse, code: string, message: string): void {
  const xml = `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`;
  res.writeHead(200, { 'content-type': 'application/xml' }).end(xml);
}
