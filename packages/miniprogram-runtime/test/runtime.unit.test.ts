import { needsNoDeclaration, isBuiltinComponent, pageAsComponent, wxAsyncApi } from '../src';

describe('pageAsComponent', () => {
  it('makes functions methods and gives each instance its own copy of the other fields and its route', () => {
    const onLoad = () => undefined;
    const definition = pageAsComponent(
      { data: { n: 1 }, onLoad, cache: { items: [] as number[] }, options: { pureDataPattern: /^_/ } },
      { route: 'pages/home/index' },
    ) as {
      data: unknown;
      methods: Record<string, unknown>;
      options: unknown;
      lifetimes: { created(this: Record<string, unknown>): void };
    };
    expect(definition.data).toEqual({ n: 1 });
    expect(definition.methods).toEqual({ onLoad });
    expect(definition.options).toEqual({ pureDataPattern: /^_/ });
    const first: Record<string, unknown> = {};
    const second: Record<string, unknown> = {};
    definition.lifetimes.created.call(first);
    definition.lifetimes.created.call(second);
    expect(first.route).toBe('pages/home/index');
    (first.cache as { items: number[] }).items.push(1);
    expect(second.cache).toEqual({ items: [] });
  });
});

describe('wxAsyncApi', () => {
  const double = wxAsyncApi('double', (args: { n?: number }) => {
    if (typeof args.n !== 'number') throw new Error('n is required');
    return { value: args.n * 2 };
  });

  it('answers a promise without callbacks', async () => {
    await expect(double({ n: 2 })).resolves.toEqual({ errMsg: 'double:ok', value: 4 });
    await expect(double({})).rejects.toEqual({ errMsg: 'double:fail n is required' });
  });

  it('calls success or fail, then complete, and returns nothing, when given callbacks', async () => {
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      const returned = double({
        n: 1,
        success: (res) => order.push(`success ${String(res.value)}`),
        fail: () => order.push('fail'),
        complete: (res) => {
          order.push(`complete ${String(res.errMsg)}`);
          resolve();
        },
      });
      expect(returned).toBeUndefined();
    });
    await new Promise<void>((resolve) =>
      double({ fail: (res) => order.push(String(res.errMsg)), complete: () => resolve() }),
    );
    expect(order).toEqual(['success 2', 'complete double:ok', 'double:fail n is required']);
  });

  it('passes a thrown { errMsg } on as it is, and keeps an errno', async () => {
    const full = wxAsyncApi('getStorage', () => {
      throw { errMsg: 'getStorage:fail data not found, key: k' };
    });
    await expect(full()).rejects.toEqual({ errMsg: 'getStorage:fail data not found, key: k' });
    const coded = wxAsyncApi('requestSubscribeMessage', () => {
      throw Object.assign(new Error('No template data return'), { errno: 20001 });
    });
    await expect(coded()).rejects.toEqual({
      errMsg: 'requestSubscribeMessage:fail No template data return',
      errno: 20001,
    });
  });
});

describe('builtin tags', () => {
  it('knows builtin components apart from WXML syntax and custom components', () => {
    expect(isBuiltinComponent('scroll-view')).toBe(true);
    expect(isBuiltinComponent('block')).toBe(false);
    expect(needsNoDeclaration('block')).toBe(true);
    expect(needsNoDeclaration('t-button')).toBe(false);
  });
});
