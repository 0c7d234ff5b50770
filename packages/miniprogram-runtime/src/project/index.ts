/** The mini program project as Node tools read it: app.json, packages, and reference resolution. */
export * from './app-json';
export * from './resolve';
