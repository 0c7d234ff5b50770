import type { IncomingMessage, ServerResponse } from 'node:http';

/** Options for starting the local cloud (an offline CloudBase emulator). */
export interface LocalCloudOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Where the database log, stored files and outbox persist. */
  dataDir: string;
  /** Folder holding one sub-folder per built cloud function (index.js + config.json). */
  functionsDir: string;
  /** The manifest declaring collections, indexes and security rules. */
  manifestPath: string;
  /** Run timer triggers on their schedule (off in tests, which fire them on demand). */
  timers?: boolean;
  /** OPENIDs to record in `admins` at start, idempotently. */
  adminOpenids?: string[];
  /** Where to write log lines; defaults to stderr. */
  log?: (line: string) => void;
  /**
   * Extra routes tried before the local cloud's own index (`GET /`) and 404: answers true when
   * it handled the request. The browser preview uses it to serve `GET /` on the same port.
   */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}

/** A running local cloud. */
export interface LocalCloud {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The value to give `tcb.init({ serviceUrl })`: `<url>/admin`. */
  readonly serviceUrl: string;
  /** Fires a function's timer trigger now, as the schedule would, and answers the function's return value. */
  fireTimer(functionName: string, triggerName?: string): Promise<unknown>;
  /** Stops serving, terminates function workers and closes the data files. */
  close(): Promise<void>;
}
