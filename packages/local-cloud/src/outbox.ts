import fs from 'node:fs';
import path from 'node:path';

/** One WeChat open-API call a function made, as `/_local/outbox` lists it. */
export interface OutboxEntry {
  seq: number;
  at: string;
  /** The dotted API name (`subscribeMessage.send`). */
  api: string;
  /** The function that made the call, and what triggered that invocation (`miniprogram`, `timer`, `server`). */
  function: string;
  trigger: string;
  request: unknown;
  response: unknown;
}

/** Every open-API call, kept in `<dataDir>/outbox.jsonl` (appended and synced) so it survives restarts. */
export class Outbox {
  private readonly file: string;
  private readonly entries: OutboxEntry[] = [];

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'outbox.jsonl');
    if (fs.existsSync(this.file)) {
      const bytes = fs.readFileSync(this.file);
      const end = bytes.lastIndexOf(0x0a) + 1;
      // A final line without its newline was cut off mid-write and never answered: cut it off,
      // or the next entry would be appended to it.
      if (end < bytes.length) fs.truncateSync(this.file, end);
      const lines = bytes.subarray(0, end).toString('utf8').split('\n');
      lines.pop();
      lines.forEach((line, index) => {
        try {
          this.entries.push(JSON.parse(line) as OutboxEntry);
        } catch {
          throw new Error(
            `The outbox file ${this.file} is damaged at line ${index + 1}; move it away to start empty.`,
          );
        }
      });
    }
  }

  record(call: Omit<OutboxEntry, 'seq' | 'at'>): OutboxEntry {
    const entry: OutboxEntry = { seq: this.entries.length + 1, at: new Date().toISOString(), ...call };
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, `${JSON.stringify(entry)}\n`);
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.entries.push(entry);
    return entry;
  }

  list(): OutboxEntry[] {
    return this.entries;
  }
}
