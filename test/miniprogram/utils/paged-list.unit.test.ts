import type { Page } from '../../../miniprogram/contract/api/common';
import { createPagedList, type PagedListHost } from '../../../miniprogram/utils/paged-list';

/** A page as the list sees it: `setData` applies plain keys and `items[n]` paths, as WeChat does. */
function host(): PagedListHost & { data: { status: string; items: unknown[]; [key: string]: unknown } } {
  const data: { status: string; items: unknown[]; [key: string]: unknown } = { status: 'loading', items: [] };
  return {
    data,
    setData(update) {
      for (const [key, value] of Object.entries(update)) {
        const row = /^items\[(\d+)\]$/.exec(key);
        if (row) data.items[Number(row[1])] = value;
        else data[key] = value;
      }
    },
  };
}

/**
 * A source of `total` numbered items in pages of `size`, cursor = index of the next item; while
 * `offline`, every load fails.
 */
function source(total: number, size: number) {
  const calls: (string | undefined)[] = [];
  const state = {
    calls,
    offline: false,
    async load(cursor?: string): Promise<Page<number>> {
      if (state.offline) throw new Error('offline');
      calls.push(cursor);
      const start = cursor ? Number(cursor) : 0;
      const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
      const next = start + items.length;
      return { items, nextCursor: next < total ? String(next) : null };
    },
  };
  return state;
}

const toasts: string[] = [];
beforeAll(() => {
  (globalThis as { wx?: unknown }).wx = {
    showToast: ({ title }: { title: string }) => toasts.push(title),
  };
});
beforeEach(() => toasts.splice(0));

describe('the cursor-paged list', () => {
  it('shows the first page, appends next pages by cursor and ends with the end footer', async () => {
    const page = host();
    const items = source(5, 2);
    const list = createPagedList(page, { load: items.load, toRow: (n) => ({ n }), message: () => 'x' });
    await list.reload();
    expect(page.data).toMatchObject({ status: 'ready', footer: 'none', items: [{ n: 0 }, { n: 1 }] });
    await list.loadMore();
    await list.loadMore();
    expect(page.data.items).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
    expect(page.data.footer).toBe('end');
    await list.loadMore();
    expect(items.calls).toEqual([undefined, '2', '4']);
  });

  it('asks for one next page at a time', async () => {
    const page = host();
    const items = source(10, 2);
    const list = createPagedList(page, { load: items.load, toRow: (n) => n, message: () => 'x' });
    await list.reload();
    await Promise.all([list.loadMore(), list.loadMore(), list.loadMore()]);
    expect(items.calls).toEqual([undefined, '2']);
    expect(page.data.items).toEqual([0, 1, 2, 3]);
  });

  it('shows the empty state for an empty first page', async () => {
    const page = host();
    const list = createPagedList(page, { load: source(0, 2).load, toRow: (n) => n, message: () => 'x' });
    await list.reload();
    expect(page.data).toMatchObject({ status: 'empty', footer: 'end', items: [] });
  });

  it('drops the answer of a reload overtaken by a later one', async () => {
    const page = host();
    let release: (value: Page<number>) => void = () => undefined;
    const slow = new Promise<Page<number>>((resolve) => (release = resolve));
    const list = createPagedList(page, { load: source(3, 3).load, toRow: (n) => n, message: () => 'x' });
    const first = list.reload({ fresh: slow });
    await list.reload({ fresh: Promise.resolve({ items: [7], nextCursor: null }) });
    release({ items: [1, 2], nextCursor: null });
    await first;
    expect(page.data.items).toEqual([7]);
  });

  it('shows a cached page at once and the fresh one when it comes', async () => {
    const page = host();
    let release: (value: Page<number>) => void = () => undefined;
    const fresh = new Promise<Page<number>>((resolve) => (release = resolve));
    const list = createPagedList(page, { load: source(0, 1).load, toRow: (n) => n, message: () => 'x' });
    const done = list.reload({ stale: { items: [1], nextCursor: null }, fresh });
    expect(page.data.items).toEqual([1]);
    release({ items: [1, 2], nextCursor: null });
    await done;
    expect(page.data.items).toEqual([1, 2]);
  });

  it('shows the error state for a failed first page, and only a toast while content is shown', async () => {
    const page = host();
    const items = source(4, 2);
    items.offline = true;
    const list = createPagedList(page, { load: items.load, toRow: (n) => n, message: () => '网络连接异常' });
    await list.reload();
    expect(page.data).toMatchObject({ status: 'error', errorMessage: '网络连接异常' });
    items.offline = false;
    await list.reload();
    expect(page.data.status).toBe('ready');
    items.offline = true;
    await list.reload();
    expect(page.data.status).toBe('ready');
    expect(page.data.items).toEqual([0, 1]);
    expect(toasts).toEqual(['网络连接异常']);
  });

  it('keeps the rows and offers a retry in the footer when a next page fails', async () => {
    const page = host();
    const items = source(4, 2);
    const list = createPagedList(page, { load: items.load, toRow: (n) => n, message: () => 'x' });
    await list.reload();
    items.offline = true;
    await list.loadMore();
    expect(page.data).toMatchObject({ footer: 'error', items: [0, 1] });
    items.offline = false;
    await list.loadMore();
    expect(page.data).toMatchObject({ footer: 'end', items: [0, 1, 2, 3] });
  });
});
