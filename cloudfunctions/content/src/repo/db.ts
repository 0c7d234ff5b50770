import { createApp } from '../../../_shared/cloud';

/** One SDK app per function instance (module scope), reused by warm invocations. */
export const app = createApp();
export const db = app.database();
export const _ = db.command;
