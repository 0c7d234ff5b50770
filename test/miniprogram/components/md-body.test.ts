import { renderMarkdown } from '../../../cloudfunctions/_shared/markdown';
import type { Block } from '../../../miniprogram/components/md-body/blocks';
import { installWx, loadComponent, tap, type SimNode, type WxMock } from '../../harness/simulate';
import { textOf, until } from '../../harness/page-helpers';

/**
 * The body component of the news and opportunity pages, fed with what the content function's
 * renderer produces: links a reader can tap (an in-app page opens, a web address is offered for
 * copying, an official-account article opens where WeChat allows), images as `<image>`, and
 * everything else one `<rich-text>`, with no HTML ever parsed on the way.
 */

type ArticleWx = WxMock & { canIUse: jest.Mock; openOfficialAccountArticle: jest.Mock };

let wx: ArticleWx;

beforeEach(() => {
  wx = installWx() as ArticleWx;
  wx.canIUse = jest.fn(() => true);
  wx.openOfficialAccountArticle = jest.fn();
});

function body(markdown: string): SimNode {
  return loadComponent('components/md-body/index', { nodes: renderMarkdown(markdown) });
}

function blocks(node: SimNode): Block[] {
  return node.data.blocks as Block[];
}

/** The tappable link elements, in order, also inside the nested bodies of list items. */
function links(node: SimNode): SimNode[] {
  return [...node.querySelectorAll('.md-a'), ...node.querySelectorAll('.md-body__nested').flatMap(links)];
}

describe('md-body', () => {
  it('keeps a body without links or images as one <rich-text> of the renderer’s nodes', () => {
    const nodes = renderMarkdown('## 合作进展\n\n双方签署了新的协议。\n\n- 商业合作\n- 科研交流');
    const node = loadComponent('components/md-body/index', { nodes });
    expect(blocks(node)).toEqual([{ kind: 'rich', nodes }]);
    expect(node.querySelector('.md-body__rich')?.dom?.tagName).toBe('WX-RICH-TEXT');
    expect(links(node)).toEqual([]);
  });

  it('lays out a paragraph with a link as text segments, characters shown as written', () => {
    const node = body('参见 **重要** [合作页面](/pages/opportunities/index) & <script>alert(1)</script>。');
    expect(blocks(node)).toEqual([
      {
        kind: 'inline',
        cls: 'md-p',
        segments: [
          { kind: 'text', cls: '', text: '参见 ', href: '' },
          { kind: 'text', cls: 'md-strong', text: '重要', href: '' },
          { kind: 'text', cls: '', text: ' ', href: '' },
          { kind: 'text', cls: 'md-a', text: '合作页面', href: '/pages/opportunities/index' },
          { kind: 'text', cls: '', text: ' & <script>alert(1)</script>。', href: '' },
        ],
      },
    ]);
    // Raw HTML stays text: no element but the link and the strong text.
    expect(textOf(node)).toBe('参见 重要 合作页面 & <script>alert(1)</script>。');
    expect(node.querySelector('script')).toBeUndefined();
  });

  it('opens an in-app page: a tab page by switchTab, any other page by navigateTo', async () => {
    const node = body('[合作机会](/pages/opportunities/index) 与 [新闻](/pages/news-detail/index?id=n1)');
    await tap(links(node)[0]);
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/opportunities/index' }));
    await tap(links(node)[1]);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/news-detail/index?id=n1' }),
    );
  });

  it('offers a web address for copying, since WeChat opens no arbitrary web page', async () => {
    const node = body('[奥胡斯大学](https://international.au.dk/)');
    await tap(links(node)[0]);
    await until(() => wx.setClipboardData.mock.calls.length === 1);
    expect(wx.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '复制链接',
        content: expect.stringContaining('https://international.au.dk/') as unknown,
        confirmText: '复制链接',
      }),
    );
    expect(wx.setClipboardData).toHaveBeenCalledWith(
      expect.objectContaining({ data: 'https://international.au.dk/' }),
    );

    // Declining copies nothing.
    wx.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true }));
    await tap(links(node)[0]);
    expect(wx.setClipboardData).toHaveBeenCalledTimes(1);
  });

  it('opens an official-account article in WeChat, and offers the copy where that is unavailable', async () => {
    const article = 'https://mp.weixin.qq.com/s/abcdefg';
    const node = body(`[公众号文章](${article})`);
    await tap(links(node)[0]);
    expect(wx.openOfficialAccountArticle).toHaveBeenCalledWith(expect.objectContaining({ url: article }));
    expect(wx.showModal).not.toHaveBeenCalled();

    wx.canIUse.mockReturnValue(false);
    await tap(links(node)[0]);
    await until(() => wx.setClipboardData.mock.calls.length === 1);
    expect(wx.openOfficialAccountArticle).toHaveBeenCalledTimes(1);
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: article }));
  });

  it('draws list items that hold links with their markers, and the links stay tappable', async () => {
    const node = body('3. 第三项\n4. 见[联系页](/pages/contact/index)');
    const [list] = blocks(node);
    expect(list).toMatchObject({ kind: 'list', cls: 'md-ol' });
    expect(node.querySelectorAll('.md-body__marker').map((marker) => textOf(marker))).toEqual(['3.', '4.']);
    await tap(links(node)[0]);
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/contact/index' }));
  });

  it('shows images with <image>, full width, with their description', () => {
    const node = body('![签约仪式](https://example.cn/a.png)');
    expect(blocks(node)).toEqual([
      {
        kind: 'inline',
        cls: 'md-p',
        segments: [{ kind: 'image', src: 'https://example.cn/a.png', alt: '签约仪式' }],
      },
    ]);
    expect(node.querySelector('.md-body__image')?.dom?.tagName).toBe('WX-IMAGE');
  });
});
