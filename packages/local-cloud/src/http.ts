import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest request body the local cloud accepts, as the CloudBase gateway does for events. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The deepest nesting of objects and arrays a JSON body may have: MongoDB's limit for a document,
 * which CloudBase's database inherits. Deeper bodies are refused before they reach a function.
 */
export const MAX_JSON_DEPTH = 100;

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    readonly reason: 'too-large' | 'not-json' | 'too-deep' | 'media-type' = status === 413
      ? 'too-large'
      : 'not-json',
  ) {
    super(message);
  }
}

/** Whether JSON text nests objects/arrays deeper than `max`; a scan, so no parser recursion is risked. */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

/** Reads a body of at most {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    throw new BodyError(413, `The request body is over ${MAX_BODY_BYTES} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      throw new BodyError(413, `The request body is over ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body is `{}`. */
export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new BodyError(400, `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`, 'too-deep');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON');
  }
}

/** The media type of a request, lower case, without parameters (`application/json`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads a JSON body of at most {@link MAX_BODY_BYTES}; an empty body is `{}`. The content type must
 * be JSON: a browser sends `text/plain` or a form cross-site without asking, never JSON.
 */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (mediaType(req) !== 'application/json') {
    throw new BodyError(415, 'The request body must be sent as application/json', 'media-type');
  }
  return parseJson(body);
}

/**
 * Parses a `multipart/form-data` body into its fields, values as raw bytes: the SDK sends
 * `wx.openApi` this way, with a protobuf `requestData` that must not be decoded as text.
 */
export function parseMultipart(contentType: string, body: Buffer): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw new BodyError(400, 'The multipart body has no boundary');
  const delimiter = Buffer.from(`--${marker}`);
  const fields = new Map<string, Buffer>();
  let start = body.indexOf(delimiter);
  if (start < 0) throw new BodyError(400, 'The multipart body has no parts');
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return fields;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), start);
    if (next < 0) throw new BodyError(400, 'The multipart body is not terminated');
    const part = body.subarray(start + 2, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new BodyError(400, 'A multipart part has no header');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) throw new BodyError(400, 'A multipart part has no name');
    fields.set(name, Buffer.from(part.subarray(headerEnd + 4)));
    start = next + 2;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
