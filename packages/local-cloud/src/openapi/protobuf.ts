/**
 * The few protobuf messages of a WeChat cloud call (action `wx.openApi`), as wx-server-sdk 4.x
 * defines them in its bundled `src/protobuf/openapi.js`:
 *
 * - request `CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; …; string appid = 6 }`,
 *   `OpenApiData { repeated KeyValuePair pairs = 1 }`,
 *   `KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4 }`;
 * - response `CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3;
 *   uint32 httpCode = 4; … }`.
 *
 * Only these are needed, so they are read and written by hand on the protobuf wire format.
 */

/** `CommApiData.ApiType.OPEN_API`. */
export const API_TYPE_OPEN_API = 0;

export interface KeyValuePair {
  key: string;
  value: Buffer;
  contenttype: string;
  filename: string;
}

export interface CommApiData {
  apiType: number;
  pairs: KeyValuePair[];
  appid: string;
}

export interface CommOpenApiResp {
  respData: Buffer;
  contentType: string;
  errorCode: number;
  httpCode: number;
}

export class ProtobufError extends Error {}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw new ProtobufError('truncated varint');
      const byte = this.buf[this.pos++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new ProtobufError('varint too long');
  }

  bytes(): Buffer {
    const length = Number(this.varint());
    if (this.pos + length > this.buf.length) throw new ProtobufError('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === WIRE_VARINT) this.varint();
    else if (wireType === WIRE_BYTES) this.bytes();
    else if (wireType === WIRE_FIXED64) this.pos += 8;
    else if (wireType === WIRE_FIXED32) this.pos += 4;
    else throw new ProtobufError(`unsupported wire type ${wireType}`);
  }

  /** Yields each field as `[number, wireType]`, leaving the reader at its value. */
  *fields(): Generator<[number, number]> {
    while (!this.done()) {
      const tag = Number(this.varint());
      yield [tag >>> 3, tag & 7];
    }
  }
}

function expectWire(field: number, actual: number, expected: number): void {
  if (actual !== expected) throw new ProtobufError(`field ${field} has wire type ${actual}`);
}

function decodePair(buf: Buffer): KeyValuePair {
  const pair: KeyValuePair = { key: '', value: Buffer.alloc(0), contenttype: '', filename: '' };
  const reader = new Reader(buf);
  for (const [field, wire] of reader.fields()) {
    if (field >= 1 && field <= 4) {
      expectWire(field, wire, WIRE_BYTES);
      const value = reader.bytes();
      if (field === 1) pair.key = value.toString('utf8');
      else if (field === 2) pair.value = Buffer.from(value);
      else if (field === 3) pair.contenttype = value.toString('utf8');
      else pair.filename = value.toString('utf8');
    } else reader.skip(wire);
  }
  return pair;
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const data: CommApiData = { apiType: 0, pairs: [], appid: '' };
  const reader = new Reader(buf);
  for (const [field, wire] of reader.fields()) {
    if (field === 1) {
      expectWire(field, wire, WIRE_VARINT);
      data.apiType = Number(BigInt.asIntN(32, reader.varint()));
    } else if (field === 2) {
      expectWire(field, wire, WIRE_BYTES);
      const inner = new Reader(reader.bytes());
      for (const [innerField, innerWire] of inner.fields()) {
        if (innerField === 1) {
          expectWire(innerField, innerWire, WIRE_BYTES);
          data.pairs.push(decodePair(inner.bytes()));
        } else inner.skip(innerWire);
      }
    } else if (field === 6) {
      expectWire(field, wire, WIRE_BYTES);
      data.appid = reader.bytes().toString('utf8');
    } else reader.skip(wire);
  }
  return data;
}

function varint(value: bigint): Buffer {
  const bytes: number[] = [];
  let rest = BigInt.asUintN(64, value);
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Buffer.from(bytes);
}

function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([varint(BigInt((field << 3) | WIRE_BYTES)), varint(BigInt(value.length)), value]);
}

function varintField(field: number, value: number): Buffer {
  // int32 negatives are sign-extended to 64 bits on the wire, as protobufjs writes them.
  return Buffer.concat([varint(BigInt((field << 3) | WIRE_VARINT)), varint(BigInt(value))]);
}

export function encodeCommOpenApiResp(resp: CommOpenApiResp): Buffer {
  const parts: Buffer[] = [];
  if (resp.respData.length) parts.push(bytesField(1, resp.respData));
  if (resp.contentType) parts.push(bytesField(2, Buffer.from(resp.contentType, 'utf8')));
  if (resp.errorCode) parts.push(varintField(3, resp.errorCode));
  if (resp.httpCode) parts.push(varintField(4, resp.httpCode));
  return Buffer.concat(parts);
}
