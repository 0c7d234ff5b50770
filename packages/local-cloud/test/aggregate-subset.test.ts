import { post, rejection, startFixtureCloud, type TestCloud } from './helpers';

/** Aggregation is limited to what CloudBase documents; the rest is refused in the error shape the SDK throws. */

let t: TestCloud;
let db: ReturnType<TestCloud['app']['database']>;
let $: ReturnType<TestCloud['app']['database']>['command']['aggregate'];

beforeAll(async () => {
  t = await startFixtureCloud();
  db = t.app.database();
  $ = db.command.aggregate;
  await db.collection('items').add({ _id: 'w1', at: new Date('2026-01-05T02:00:00Z'), n: 2, tags: ['a'] });
  await db.collection('items').add({ _id: 'w2', at: new Date('2026-01-12T02:00:00Z'), n: 3, tags: ['b'] });
});

afterAll(async () => {
  await t.close();
});

const items = () => db.collection('items');

describe('documented stages and operators', () => {
  it('run: group by $isoWeek of a date expression, with accumulators, lookup pipeline, sortByCount', async () => {
    const { data } = await items()
      .aggregate()
      .match({ n: db.command.gte(2) })
      .addFields({ local: $.add(['$at', 8 * 3600 * 1000]) })
      .group({ _id: $.isoWeek('$local'), total: $.sum('$n'), tags: $.addToSet($.arrayElemAt(['$tags', 0])) })
      .sort({ _id: 1 })
      .end();
    expect(data).toEqual([
      { _id: 2, total: 2, tags: ['a'] },
      { _id: 3, total: 3, tags: ['b'] },
    ]);
    const { data: joined } = await items()
      .aggregate()
      .match({ _id: 'w1' })
      .lookup({
        from: 'items',
        let: { n: '$n' },
        pipeline: [{ $match: { $expr: { $gt: ['$n', '$$n'] } } }],
        as: 'bigger',
      })
      .project({ _id: 0, bigger: '$bigger._id' })
      .end();
    expect(joined).toEqual([{ bigger: ['w2'] }]);
  });
});

describe('refused', () => {
  it.each([
    [
      '$isoWeek with a timezone document',
      { w: { $isoWeek: { date: '$at', timezone: 'Asia/Shanghai' } } },
      /\$isoWeek with a \{ date, timezone \} document/,
    ],
    [
      '$regexMatch',
      { m: { $regexMatch: { input: '$_id', regex: 'w' } } },
      /aggregation operator \$regexMatch/,
    ],
    ['$dateTrunc', { d: { $dateTrunc: { date: '$at', unit: 'week' } } }, /aggregation operator \$dateTrunc/],
    ['$toString', { s: { $toString: '$n' } }, /aggregation operator \$toString/],
  ])('an operator outside the subset: %s', async (_label, projection, reason) => {
    const error = await rejection(items().aggregate().project(projection).end());
    expect(error.code).toBe('INVALID_PARAM');
    expect(String(error.message)).toMatch(reason);
    expect(String(error.message)).toContain('not supported by CloudBase');
  });

  it.each(['$facet', '$setWindowFields', '$unionWith', '$out', '$merge', '$graphLookup', '$set', '$unset'])(
    'the stage %s',
    async (stageKey) => {
      const res = await post(
        t.cloud.serviceUrl,
        JSON.stringify({
          action: 'database.aggregateDocuments',
          collectionName: 'items',
          stages: [{ stageKey, stageValue: '{}' }],
        }),
      );
      expect(res.json).toEqual({
        code: 'INVALID_PARAM',
        message: `The aggregation stage ${stageKey} (not supported by CloudBase)`,
        requestId: expect.any(String),
      });
    },
  );

  it('an unsupported operator inside a lookup pipeline or a $match $expr', async () => {
    const inLookup = await rejection(
      items()
        .aggregate()
        .lookup({
          from: 'items',
          let: {},
          pipeline: [{ $addFields: { x: { $toUpper: { $toString: '$n' } } } }],
          as: 'x',
        })
        .end(),
    );
    expect(String(inLookup.message)).toContain('$toString');
    const inExpr = await rejection(
      items()
        .aggregate()
        .match({ $expr: { $regexMatch: { input: '$_id', regex: 'w' } } })
        .end(),
    );
    expect(String(inExpr.message)).toContain('$regexMatch');
  });
});
