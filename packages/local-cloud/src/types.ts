import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenApiStandIns } from './openapi';

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
  /**
   * Runs once the database is open and before the server listens, e.g. to seed documents an
   * application needs at every start. A hook that throws fails the start.
   */
  onStart?: (context: StartContext) => void | Promise<void>;
  /**
   * What `POST /functions/<name>` answers when the call does not reach the function's return value
   * (the function failed, is unknown, or the request is malformed). Defaults to
   * {@link platformErrorBody}: the platform's `{ errCode, errMsg }`.
   */
  errorBody?: (failure: CallFailure) => ErrorAnswer;
  /**
   * Stand-ins for the WeChat open APIs, by dotted name (`security.msgSecCheck`). An API with no
   * stand-in answers `-604100` (API not found). `defaultOpenApiStandIns` offers deterministic ones.
   */
  openApi?: OpenApiStandIns;
  /** Extra environment variables of every function instance (after the platform's own). */
  functionEnv?: Record<string, string>;
  /** Where to write log lines; defaults to stderr. */
  log?: (line: string) => void;
  /**
   * Extra routes tried before the local cloud's own index (`GET /`) and 404: answers true when
   * it handled the request. The browser preview uses it to serve `GET /` on the same port.
   */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}

/** A way a `POST /functions/<name>` call failed, for {@link LocalCloudOptions.errorBody}. */
export type CallFailure =
  | { kind: 'function-failed'; function: string; reason: 'threw' | 'crashed' }
  | { kind: 'timeout'; function: string }
  | { kind: 'unknown-function'; function: string }
  | { kind: 'body-too-large' }
  | { kind: 'body-not-json' }
  | { kind: 'body-not-object' }
  /** Objects or arrays nested deeper than `maxDepth`: refused before the function runs. */
  | { kind: 'body-too-deep'; maxDepth: number }
  /** The function name in the path is not valid percent-encoding. */
  | { kind: 'bad-function-name' }
  | { kind: 'bad-openid' };

/** An HTTP answer: status and JSON body. */
export interface ErrorAnswer {
  status: number;
  body: unknown;
}

/** The database, as an `onStart` hook sees it. */
export interface StartDatabase {
  collectionNames(): string[];
  /** The document with this `_id`, if any. */
  findById(collection: string, id: string): Record<string, unknown> | undefined;
  /** Inserts documents (durably, as an acknowledged write); a duplicate `_id` throws. */
  insert(collection: string, docs: Record<string, unknown>[]): void;
}

export interface StartContext {
  db: StartDatabase;
  log: (line: string) => void;
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
