import { asOf, sourceLine } from '../../../miniprogram/utils/provenance';

describe('provenance', () => {
  it("says the source's date as given and the day of the last save in China time", () => {
    expect(asOf('2016年', '2026-12-04T16:00:00.000Z')).toEqual({
      source: '信息截至2016年',
      updated: '更新于2026年12月5日',
    });
  });

  it('leaves out what it does not know', () => {
    expect(asOf(null, 'not a date')).toEqual({ source: '', updated: '' });
    expect(asOf(undefined, '2026-12-04T15:59:59.000Z')).toEqual({
      source: '',
      updated: '更新于2026年12月4日',
    });
  });

  it('cites a source one way: the note for readers when there is one, else the title', () => {
    expect(
      sourceLine({ title: 'Central Denmark Region and Shanghai', note: '丹麦中日德兰大区官方网站（rm.dk）' }),
    ).toBe('来源：丹麦中日德兰大区官方网站（rm.dk）');
    expect(sourceLine({ title: '中日德兰大区国际事务办公室' })).toBe('来源：中日德兰大区国际事务办公室');
  });
});
