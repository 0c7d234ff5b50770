import type { RichTextNode } from '../../contract/api/content';
import type { CallFunction, PageHandle, SimNode } from './simulate';

export { until, type UntilOptions } from './until';

/** What `wx.cloud.callFunction` rejects with when the network is down. */
export const NETWORK_FAILURE = { errMsg: 'cloud.callFunction:fail' };

/** A node's text as a reader sees it: whitespace collapsed, trimmed; '' for a missing node. */
export function textOf(node: SimNode | undefined): string {
  return node?.dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The text of `<rich-text>` nodes as the reader sees it: simulate renders `<rich-text>` empty, so
 * what a page hands it is what the reader gets.
 */
export function richText(nodes: readonly RichTextNode[]): string {
  return nodes.map((node) => ('text' in node ? node.text : richText(node.children ?? []))).join('');
}

/** `call`, except that its first `times` calls fail as a lost network would. */
export function failingFirst(times: number, call: CallFunction): CallFunction {
  let failures = 0;
  return (name, data) => (failures++ < times ? Promise.reject(NETWORK_FAILURE) : call(name, data));
}

/** Records `wx.showShareMenu` calls on the installed `wx`. */
export function stubShareMenu(): jest.Mock {
  const mock = jest.fn();
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.showShareMenu = mock;
  return mock;
}

/** The page's state view (loading, error, empty or its content). */
export function state(page: PageHandle): SimNode {
  return page.querySelector('#state') as SimNode;
}
