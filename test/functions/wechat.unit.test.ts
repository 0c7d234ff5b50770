import { miniprogramState, sendSubscribeMessage } from '../../cloudfunctions/_shared/wechat';

describe('MINIPROGRAM_STATE', () => {
  it('names the version a message opens, formal when unset', () => {
    expect(miniprogramState(undefined)).toBe('formal');
    expect(miniprogramState('')).toBe('formal');
    expect(miniprogramState('developer')).toBe('developer');
    expect(miniprogramState('trial')).toBe('trial');
    expect(miniprogramState('formal')).toBe('formal');
  });

  it('refuses any other value, so no message opens a version that does not exist', async () => {
    expect(miniprogramState('Formal')).toBeNull();
    expect(miniprogramState('release')).toBeNull();
    const configured = process.env.MINIPROGRAM_STATE;
    process.env.MINIPROGRAM_STATE = 'release';
    try {
      const outcome = await sendSubscribeMessage('o-reader', {
        templateId: 'local-news-template',
        page: 'pages/news-detail/index?id=n1',
        data: { thing1: { value: '标题' } },
      });
      expect(outcome).toEqual({ ok: false, error: expect.stringContaining('MINIPROGRAM_STATE') });
    } finally {
      if (configured === undefined) delete process.env.MINIPROGRAM_STATE;
      else process.env.MINIPROGRAM_STATE = configured;
    }
  });
});
