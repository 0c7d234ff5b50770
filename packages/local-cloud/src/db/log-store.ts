import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { idKey, parseDoc, stringifyDoc, type Doc } from './ejson';

/**
 * Durable storage for the local database: a snapshot plus an append-only log.
 *
 * Format (both files are UTF-8 text, one record per line):
 *   <crc32 of payload, 8 hex digits> <space> <payload: Extended JSON> <newline>
 * - `db.log` payloads are commits `{ seq, ops: [...] }`; one line is one atomic commit
 *   (a transaction or a multi-document write lands whole or not at all).
 * - `db.snapshot` starts with `{ format, version, seq }` and then holds one `{ c, doc? }`
 *   per document (or per empty collection). Log records with `seq` ≤ the snapshot's are
 *   already in it, so a crash between writing a snapshot and truncating the log is harmless.
 *
 * A commit is acknowledged only after its line is written and `fdatasync`ed, so every
 * acknowledged write survives `kill -9`. At start, a final line without its newline is a
 * write that was cut off before it was acknowledged: it is moved aside to a `db.log.torn-*`
 * file and reported. Any other damage (a bad checksum or unreadable record) stops the start
 * with a clear error naming the file and line: nothing is dropped silently.
 */

export type LogOp =
  { op: 'put'; c: string; doc: Doc } | { op: 'del'; c: string; id: string } | { op: 'create'; c: string };

export interface LoadedState {
  collections: Map<string, Map<string, Doc>>;
  /** Human-readable notes about what was found (e.g. a torn final record). */
  notes: string[];
}

const SNAPSHOT_FORMAT = 'local-cloud-snapshot';
const SNAPSHOT_VERSION = 1;
/** Compact once the log holds this many commits. */
const COMPACT_AFTER_COMMITS = 20_000;

export class DataFileError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(
      `The local cloud's data file ${file} is damaged at line ${line}: ${reason}. ` +
        'Nothing was loaded or changed. Restore the file from a backup, or move the data directory away to start empty.',
    );
    this.name = 'DataFileError';
  }
}

function encodeLine(payload: string): string {
  const sum = crc32(Buffer.from(payload, 'utf8')).toString(16).padStart(8, '0');
  return `${sum} ${payload}\n`;
}

function decodeLine(file: string, lineNo: number, line: string): Doc {
  const space = line.indexOf(' ');
  const sum = line.slice(0, space);
  const payload = line.slice(space + 1);
  if (space !== 8 || !/^[0-9a-f]{8}$/.test(sum)) throw new DataFileError(file, lineNo, 'missing checksum');
  if (crc32(Buffer.from(payload, 'utf8')).toString(16).padStart(8, '0') !== sum) {
    throw new DataFileError(file, lineNo, 'checksum mismatch');
  }
  try {
    return parseDoc(payload);
  } catch (error) {
    throw new DataFileError(file, lineNo, `unreadable record (${(error as Error).message})`);
  }
}

export class LogStore {
  private readonly logPath: string;
  private readonly snapshotPath: string;
  private fd: number | undefined;
  private seq = 0;
  private commitsSinceSnapshot = 0;

  constructor(private readonly dir: string) {
    this.logPath = path.join(dir, 'db.log');
    this.snapshotPath = path.join(dir, 'db.snapshot');
  }

  /** Reads the snapshot and replays the log; throws {@link DataFileError} on damage. */
  load(): LoadedState {
    fs.mkdirSync(this.dir, { recursive: true });
    const collections = new Map<string, Map<string, Doc>>();
    const notes: string[] = [];
    const snapshotSeq = this.loadSnapshot(collections);
    this.seq = snapshotSeq;

    if (fs.existsSync(this.logPath)) {
      // Bytes, not text: a record cut inside a multi-byte character is moved aside unchanged.
      const bytes = fs.readFileSync(this.logPath);
      const lastNewline = bytes.lastIndexOf(0x0a);
      const complete = bytes.subarray(0, lastNewline + 1).toString('utf8');
      const torn = bytes.subarray(lastNewline + 1);
      if (torn.length > 0) {
        const aside = `${this.logPath}.torn-${Date.now()}`;
        fs.writeFileSync(aside, torn);
        fs.truncateSync(this.logPath, lastNewline + 1);
        notes.push(
          `db.log ended with an incomplete record (${torn.length} bytes) from an interrupted, ` +
            `unacknowledged write; it was moved to ${path.basename(aside)}.`,
        );
      }
      const lines = complete.split('\n');
      lines.pop();
      lines.forEach((line, index) => {
        const record = decodeLine(this.logPath, index + 1, line) as { seq?: unknown; ops?: unknown };
        if (typeof record.seq !== 'number' || !Array.isArray(record.ops)) {
          throw new DataFileError(this.logPath, index + 1, 'not a commit record');
        }
        if (record.seq <= snapshotSeq) return;
        applyOps(collections, record.ops as LogOp[]);
        this.seq = record.seq;
        this.commitsSinceSnapshot += 1;
      });
    }
    this.fd = fs.openSync(this.logPath, 'a');
    return { collections, notes };
  }

  private loadSnapshot(collections: Map<string, Map<string, Doc>>): number {
    if (!fs.existsSync(this.snapshotPath)) return 0;
    const text = fs.readFileSync(this.snapshotPath, 'utf8');
    if (!text.endsWith('\n')) throw new DataFileError(this.snapshotPath, 1, 'the file is truncated');
    const lines = text.split('\n');
    lines.pop();
    const header = decodeLine(this.snapshotPath, 1, lines[0] ?? '');
    if (
      header.format !== SNAPSHOT_FORMAT ||
      header.version !== SNAPSHOT_VERSION ||
      typeof header.seq !== 'number'
    ) {
      throw new DataFileError(this.snapshotPath, 1, 'unknown snapshot header');
    }
    for (let i = 1; i < lines.length; i += 1) {
      const entry = decodeLine(this.snapshotPath, i + 1, lines[i] as string) as { c?: unknown; doc?: Doc };
      if (typeof entry.c !== 'string')
        throw new DataFileError(this.snapshotPath, i + 1, 'no collection name');
      const docs = ensure(collections, entry.c);
      if (entry.doc) docs.set(idKey(entry.doc._id), entry.doc);
    }
    return header.seq;
  }

  /** Appends one atomic commit and makes it durable before returning. */
  commit(ops: LogOp[]): void {
    if (this.fd === undefined) throw new Error('LogStore is not open');
    this.seq += 1;
    fs.writeSync(this.fd, encodeLine(stringifyDoc({ seq: this.seq, ops })));
    fs.fdatasyncSync(this.fd);
    this.commitsSinceSnapshot += 1;
  }

  /** Compacts once the log is long; call after the last commit has been applied to `state`. */
  compactIfDue(state: Map<string, Map<string, Doc>>): void {
    if (this.commitsSinceSnapshot >= COMPACT_AFTER_COMMITS) this.compact(state);
  }

  /** Writes a snapshot of `state` atomically, then starts an empty log. */
  compact(state: Map<string, Map<string, Doc>>): void {
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    fs.writeSync(
      fd,
      encodeLine(stringifyDoc({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, seq: this.seq })),
    );
    for (const [c, docs] of state) {
      if (docs.size === 0) fs.writeSync(fd, encodeLine(stringifyDoc({ c })));
      for (const doc of docs.values()) fs.writeSync(fd, encodeLine(stringifyDoc({ c, doc })));
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.snapshotPath);
    syncDir(this.dir);
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = fs.openSync(this.logPath, 'w');
    fs.fsyncSync(this.fd);
    this.commitsSinceSnapshot = 0;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function ensure(collections: Map<string, Map<string, Doc>>, name: string): Map<string, Doc> {
  let docs = collections.get(name);
  if (!docs) {
    docs = new Map();
    collections.set(name, docs);
  }
  return docs;
}

/** Applies committed operations to in-memory state (used by replay and by live commits). */
export function applyOps(collections: Map<string, Map<string, Doc>>, ops: LogOp[]): void {
  for (const op of ops) {
    const docs = ensure(collections, op.c);
    if (op.op === 'put') docs.set(idKey(op.doc._id), op.doc);
    else if (op.op === 'del') docs.delete(op.id);
  }
}
