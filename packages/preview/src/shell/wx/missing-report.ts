/**
 * Nothing silently missing from `wx`: calling an API the preview does not implement shows a
 * badge, is listed and logged, and fails as an unsupported API would.
 */
import { failCall, type WxCallbacks } from '../../../../miniprogram-runtime/src';
import { reportMissing } from '../missing';
import type { Data } from './context';

/** Names that are never an API call: probes by promises, JSON and module interop. */
const NOT_APIS = new Set(['then', 'toJSON', 'constructor', '__esModule', 'prototype', 'default']);

/** Plain objects that are data, not a namespace of APIs. */
const DATA_MEMBERS = new Set(['env']);

let routeOf: () => string = () => '';

/** Where a missing API is reported from: the top page's route. */
export function setRouteReader(read: () => string): void {
  routeOf = read;
}

/** `target` (and its namespaces, such as `wx.cloud`) with every other member reported when used. */
export function withMissingReport(target: Data, path: string): Data {
  for (const [name, value] of Object.entries(target)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && !DATA_MEMBERS.has(name)) {
      target[name] = withMissingReport(value as Data, `${path}.${name}`);
    }
  }
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'symbol' || property in object || NOT_APIS.has(property)) {
        return Reflect.get(object, property) as unknown;
      }
      const name = `${path}.${property}`;
      return (args?: WxCallbacks) => {
        reportMissing('api', name, routeOf() || 'app');
        return failCall(args, {
          errMsg: `${name.replace(/^wx\./, '')}:fail not supported in the browser preview`,
        });
      };
    },
  });
}
