/**
 * The mini program runtime as imitated outside WeChat, shared by the jest harness
 * (test/harness/simulate.ts) and the browser preview (packages/preview): browser-safe, no Node
 * APIs. The Node side (app.json, package walking) is `./project`.
 */
export { BUILTIN_COMPONENTS, WXML_SYNTAX_TAGS, isBuiltinComponent, needsNoDeclaration } from './builtin-tags';
export { pageAsComponent, type PageShimOptions } from './page';
export {
  failCall,
  wxAsyncApi,
  wxFailure,
  type Data,
  type WxArgs,
  type WxCallbacks,
  type WxRun,
} from './wx-api';
