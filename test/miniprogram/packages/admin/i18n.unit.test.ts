import { en } from '../../../../miniprogram/packages/admin/i18n/en';
import { zh } from '../../../../miniprogram/packages/admin/i18n/zh';

/**
 * The staff dictionaries: the type already refuses a key missing from either; these check what it
 * cannot: the same `{placeholders}` in both languages, and no string left empty.
 */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leaf, text] of leaves(value, `${path}.`)) found.set(leaf, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('staff dictionaries', () => {
  const chinese = leaves(zh as unknown as Tree);
  const english = leaves(en as unknown as Tree);

  it('have the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...chinese.keys()].sort());
  });

  it('fill the same placeholders in both languages', () => {
    const mismatched = [...chinese].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('leave no string empty, and the English one is not Chinese', () => {
    expect([...chinese].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
    // The language switch's own label is deliberately in both languages.
    const chineseInEnglish = [...english].filter(
      ([key, text]) => key !== 'home.language' && /[\u4e00-\u9fff]/.test(text),
    );
    expect(chineseInEnglish.map(([key]) => key)).toEqual([]);
  });
});
