import { installWx, loadComponent, tap, type SimNode } from '../../harness/simulate';

beforeEach(() => {
  installWx();
});

function text(node: SimNode | undefined): string {
  return node?.dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The message t-empty shows, inside the TDesign component with `id`. */
function description(view: SimNode, id: string): string {
  return text(view.querySelector(`#${id}`)?.querySelector('.t-empty__description'));
}

describe('state-view', () => {
  it('shows a skeleton with three lines per expected item while loading', () => {
    const view = loadComponent('components/state-view/index', { status: 'loading', skeletonRows: 4 });
    const skeleton = view.querySelector('#state-view-skeleton');
    expect(skeleton?.querySelectorAll('.t-skeleton__row')).toHaveLength(12);
    expect(view.querySelector('#state-view-error')).toBeUndefined();
    expect(view.querySelector('#state-view-empty')).toBeUndefined();
  });

  it('shows the error message and a retry button that fires `retry`', async () => {
    const view = loadComponent('components/state-view/index', {
      status: 'error',
      errorMessage: '网络连接异常，请检查网络后重试',
    });
    const retried = jest.fn();
    view.instance.triggerEvent = retried as never;
    expect(description(view, 'state-view-error')).toBe('网络连接异常，请检查网络后重试');
    const button = view.querySelector('#state-view-retry')?.querySelector('.t-button');
    expect(text(button)).toBe('重新加载');

    await tap(button);
    expect(retried).toHaveBeenCalledWith('retry');
  });

  it('falls back to generic messages when none is given', () => {
    const failed = loadComponent('components/state-view/index', { status: 'error' });
    expect(description(failed, 'state-view-error')).toBe('服务暂时不可用，请稍后再试');
    const empty = loadComponent('components/state-view/index', { status: 'empty' });
    expect(description(empty, 'state-view-empty')).toBe('暂无内容');
  });

  it('shows the empty text without a retry button', () => {
    const view = loadComponent('components/state-view/index', {
      status: 'empty',
      emptyText: '该标签下暂无新闻',
    });
    expect(description(view, 'state-view-empty')).toBe('该标签下暂无新闻');
    expect(view.querySelector('#state-view-retry')).toBeUndefined();
  });

  it('switches from loading to its content when ready', () => {
    const view = loadComponent('components/state-view/index', { status: 'loading' });
    expect(view.querySelector('#state-view-skeleton')).toBeDefined();
    view.instance.setData({ status: 'ready' });
    expect(view.querySelector('#state-view-skeleton')).toBeUndefined();
    expect(view.querySelector('#state-view-error')).toBeUndefined();
    expect(view.querySelector('#state-view-empty')).toBeUndefined();
  });
});
