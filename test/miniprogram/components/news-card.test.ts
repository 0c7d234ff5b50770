import { installWx, loadComponent, tap, type WxMock } from '../../harness/simulate';
import { textOf } from '../../harness/page-helpers';

const ITEM = {
  id: 'news-2013-10th-anniversary',
  title: '中日德兰大区与上海市迎来姊妹友好关系十周年',
  summary: '2013年，中日德兰大区与上海市共同庆祝姊妹友好关系协议签署十周年。',
  date: '2013年',
  tagLine: '#姊妹友好关系 #上海',
  pinned: false,
  coverUrl: '',
  coverAlt: '',
};

let wx: WxMock;

beforeEach(() => {
  wx = installWx();
});

describe('news-card', () => {
  it('shows date, title, summary and tags', () => {
    const card = loadComponent('components/news-card/index', { item: ITEM });
    expect(textOf(card.querySelector('.news-card__date'))).toBe('2013年');
    expect(textOf(card.querySelector('.news-card__title'))).toBe(ITEM.title);
    expect(textOf(card.querySelector('.news-card__summary'))).toBe(ITEM.summary);
    expect(textOf(card.querySelector('.news-card__tags'))).toBe('#姊妹友好关系 #上海');
    expect(card.querySelector('.news-card__pinned')).toBeUndefined();
    expect(card.querySelector('.news-card__cover')).toBeUndefined();
  });

  it('marks pinned items and shows the cover when there is one', () => {
    const card = loadComponent('components/news-card/index', {
      item: { ...ITEM, pinned: true, coverUrl: 'https://example.cn/cover.jpg', coverAlt: '签约仪式' },
    });
    expect(textOf(card.querySelector('.news-card__pinned'))).toBe('置顶');
    expect(card.querySelector('.news-card__cover')?.dom?.tagName).toBe('WX-IMAGE');
  });

  it('leaves out summary and tags when compact', () => {
    const card = loadComponent('components/news-card/index', { item: ITEM, compact: true });
    expect(textOf(card.querySelector('.news-card__title'))).toBe(ITEM.title);
    expect(card.querySelector('.news-card__summary')).toBeUndefined();
    expect(card.querySelector('.news-card__tags')).toBeUndefined();
  });

  it('opens the news item on tap', async () => {
    const card = loadComponent('components/news-card/index', { item: ITEM });
    await tap(card.querySelector('.news-card'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/news-detail/index?id=news-2013-10th-anniversary' }),
    );
  });
});
