/**
 * The mini program runtime around simulate: one module registry for every script (as the
 * WeChat runtime has), the file map simulate's browser mode reads (`window.__FILE_MAP__`), and
 * the globals simulate leaves to its host: `App`, `Page`, `getApp`, `getCurrentPages`.
 */
import type { Data, Instance, ModuleFactory, PreviewApp } from './types';
import { pageAsComponent } from '../../../miniprogram-runtime/src';
import { currentLoadingRoute } from './loading-route';
import { reportMissing } from './missing';

const app: PreviewApp = window.__PREVIEW_APP__;
const modules = new Map<string, { exports: unknown }>();

/** `require` as the runtime does it: one instance of each module, shared by every page. */
export function requireModule(key: string): unknown {
  const cached = modules.get(key);
  if (cached) return cached.exports;
  const module = { exports: {} as unknown };
  modules.set(key, module);
  factoryOf(key)(requireModule, module, module.exports);
  return module.exports;
}

function factoryOf(key: string): ModuleFactory {
  const factory = app.modules[key];
  if (!factory) throw new Error(`preview: the build has no module "${key}"`);
  return factory;
}

/** The component whose script runs now: `Component()` reads it to mark the host for `:host`. */
let runningComponent = '';

/**
 * Runs a page or component script for simulate, afresh each time as simulate does under jest:
 * each `simulate.load()` registers the components it uses anew, which needs their `Component()`
 * call again. The modules it imports stay shared.
 */
window.__previewRunComponent = (key: string) => {
  const previous = runningComponent;
  runningComponent = key;
  try {
    const module = { exports: {} as unknown };
    factoryOf(key)(requireModule, module, module.exports);
    return module.exports;
  } finally {
    runningComponent = previous;
  }
};

// ---------------------------------------------------------------------------------------------
// The file map

const templates = new Map<string, unknown>();
let gwx: ((path: string) => unknown) | null = null;

function templateOf(key: string): unknown {
  if (!templates.has(key)) {
    gwx ??= app.gwx();
    templates.set(key, gwx(`${key}.wxml`));
  }
  return templates.get(key);
}

const fileMap: Record<string, unknown> = { ...app.files };
for (const name of Object.keys(app.files)) {
  if (!name.endsWith('.json')) continue;
  const key = name.slice(0, -'.json'.length);
  fileMap[`${key}.js`] = `module.exports = window.__previewRunComponent(${JSON.stringify(key)});`;
  Object.defineProperty(fileMap, `${key}.wxml`, { get: () => templateOf(key), enumerable: true });
}
window.__FILE_MAP__ = fileMap;
// wcc's templates check the engine version simulate sets on its first load.
window.__webview_engine_version__ = 0.02;

// ---------------------------------------------------------------------------------------------
// Component, Page, App, getApp, getCurrentPages

type ComponentConstructor = (definition: Data) => void;
const simulateComponent = (window as unknown as { Component: ComponentConstructor }).Component;

/**
 * simulate's `Component()`, plus the host marker its CSS needs: `:host` rules of a component
 * that is not a virtual host target `[data-preview-host="<its path>"]`.
 */
function Component(definition: Data): void {
  const key = runningComponent;
  if (!key) {
    reportMissing('api', 'Component() outside a page or component script', 'runtime');
    return;
  }
  const lifetimes = { ...((definition.lifetimes ?? {}) as Data) };
  const created = (lifetimes.created ?? definition.created) as ((this: Instance) => void) | undefined;
  const attached = (lifetimes.attached ?? definition.attached) as ((this: Instance) => void) | undefined;
  lifetimes.created = function (this: Instance, ...args: unknown[]) {
    // Where a node comes from, for the preview's messages.
    (this._exparserNode as { __previewPath?: string }).__previewPath = key;
    return created?.apply(this, args as []);
  };
  lifetimes.attached = function (this: Instance, ...args: unknown[]) {
    this._exparserNode.$$?.setAttribute('data-preview-host', key);
    for (const setting of app.manifest.unsupported[key] ?? []) {
      reportMissing('component', `${setting} in ${key}.json`, key, this._exparserNode.$$);
    }
    return attached?.apply(this, args as []);
  };
  simulateComponent({ ...definition, lifetimes });
}

/** `Page(definition)` as the component simulate renders; the router calls its lifecycles. */
function Page(definition: Data): void {
  Component(pageAsComponent(definition, { route: currentLoadingRoute() }));
}

let appInstance: Data = {};

/** `App(definition)`: the definition object is the app instance `getApp()` answers. */
function App(definition: Data): void {
  appInstance = definition;
}

export function appOf(): Data {
  return appInstance;
}

let currentPages: () => Instance[] = () => [];

export function setCurrentPages(list: () => Instance[]): void {
  currentPages = list;
}

Object.assign(window, {
  Component,
  Page,
  App,
  getApp: () => appInstance,
  getCurrentPages: () => currentPages(),
});
