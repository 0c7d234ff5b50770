import {
  boldMarkdown,
  imageMarkdown,
  insertAt,
  insertBlock,
  isLinkTarget,
  linkMarkdown,
  prefixLine,
} from '../../../../miniprogram/packages/admin/utils/markdown-format';

/** What the news editor's toolbar writes into the body, at the cursor the textarea reported. */
describe('markdown-format', () => {
  it('starts the cursor’s line with a heading or list mark, replacing the one it had', () => {
    expect(prefixLine('甲\n乙\n丙', 3, '## ')).toEqual({ body: '甲\n## 乙\n丙', cursor: 6 });
    expect(prefixLine('甲\n## 乙', 6, '- ')).toEqual({ body: '甲\n- 乙', cursor: 5 });
    // An unknown cursor (never focused) means the end of the body.
    expect(prefixLine('甲\n乙', -1, '- ')).toEqual({ body: '甲\n- 乙', cursor: 5 });
  });

  it('inserts inline snippets at the cursor, and images as paragraphs of their own', () => {
    expect(insertAt('前后', 1, boldMarkdown(' 重点 '))).toEqual({ body: '前**重点**后', cursor: 7 });
    const image = insertBlock('第一段', 3, '![图](cloud://e.b/news-covers/a.png)');
    expect(image.body).toBe('第一段\n\n![图](cloud://e.b/news-covers/a.png)\n');
    // The cursor lands after the image, ready for the next paragraph.
    expect(image.cursor).toBe(image.body.length);
    expect(insertBlock('甲\n\n乙', 3, 'X').body).toBe('甲\n\nX\n\n乙');
    expect(insertBlock('', 0, 'X').body).toBe('X\n');
  });

  it('writes link and image text so that it cannot end the brackets early', () => {
    expect(linkMarkdown('见 [附件]', 'https://example.cn/a(1)')).toBe(
      '[见 \\[附件\\]](https://example.cn/a%281%29)',
    );
    expect(imageMarkdown('签约\n仪式', 'cloud://e.b/news-covers/a.png')).toBe(
      '![签约 仪式](cloud://e.b/news-covers/a.png)',
    );
  });

  it('accepts https addresses and in-app paths as link targets, nothing else', () => {
    expect(isLinkTarget('https://mp.weixin.qq.com/s/abc')).toBe(true);
    expect(isLinkTarget('/pages/contact/index')).toBe(true);
    for (const url of ['http://example.cn', '//evil.example', 'javascript:alert(1)', 'https://a b', '']) {
      expect(isLinkTarget(url)).toBe(false);
    }
  });
});
