/**
 * What every area of the preview's `wx` shares: the calling convention, the error type, and the
 * services an area may use (the page stack, request tracking, storage, the privacy gate).
 */
import { wxAsyncApi, type WxArgs, type WxRun } from '../../../../miniprogram-runtime/src';
import type { Data } from '../types';

export type { Data };
export type Args = WxArgs;

/** A failure an API reports as `<name>:fail <message>`. */
export class WxError extends Error {}

/** A wx-style async API with WeChat's success/fail/complete-or-promise convention. */
export const api = (name: string, run: WxRun<Args>) => wxAsyncApi<Args>(name, run);

/** What wx needs from the page stack (packages/preview/src/shell/router.ts). */
export interface Navigator {
  /** Answers the page's end of its event channel (`getOpenerEventChannel`). */
  navigateTo(url: string, events?: Data): Promise<unknown>;
  redirectTo(url: string): Promise<void>;
  switchTab(url: string): Promise<void>;
  reLaunch(url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  setTitle(title: string): void;
  stopPullDownRefresh(): void;
  startPullDownRefresh(): void;
  pageScrollTo(options: { scrollTop?: number; selector?: string; duration?: number }): void;
  setShareMenu(menus: string[] | null): void;
  /** wx.enableAlertBeforeUnload: ask before the user leaves the top page with the back button. */
  setLeaveAlert(message: string | null): void;
  /** A query on the top page (wx.createSelectorQuery). */
  selectorQuery(): unknown;
}

export interface WxOptions {
  openid: string;
  navigator: Navigator;
  /** Tracks an in-flight request, for `__preview.idle()`. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Where storage and the privacy consent persist; the browser's `localStorage` by default. */
  storage?: Storage;
}

/** A privacy-scoped API: held until the user agrees (see ./privacy). */
export type Gated = (name: string, run: WxRun<Args>) => ReturnType<typeof api>;

export interface WxContext extends Required<WxOptions> {
  gated: Gated;
}
