// Runs one built cloud function in a worker thread, one invocation at a time (as one CloudBase
// instance does). The worker's process.env is its own (given at spawn); each invocation's context
// is set in it for the length of the call and removed afterwards, so no caller sees another's.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

let main;

function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack || ''}`;
  return String(error);
}

process.on('unhandledRejection', (reason) => {
  parentPort.postMessage({ type: 'crash', error: `Unhandled rejection: ${describe(reason)}` });
});

// Load at start (the cold start), so an invocation's timeout counts only its own run, as in CloudBase.
let loadError;
try {
  main = require(workerData.entry).main;
  if (typeof main !== 'function') throw new Error(`${workerData.entry} does not export main()`);
} catch (error) {
  loadError = error;
}
parentPort.postMessage({ type: 'ready' });

parentPort.on('message', async ({ id, event, context, env }) => {
  Object.assign(process.env, env);
  try {
    if (loadError) throw loadError;
    const result = await main(event, context);
    parentPort.postMessage({ type: 'result', id, result: result === undefined ? null : result });
  } catch (error) {
    parentPort.postMessage({ type: 'error', id, error: describe(error) });
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
  }
});
