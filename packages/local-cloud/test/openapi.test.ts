import cloud from 'wx-server-sdk';
import { defaultOpenApiStandIns, type OutboxEntry } from '../src';
import { rejection, startFixtureCloud, type Doc, type TestCloud } from './helpers';

/**
 * Cloud calls by the documented route: wx-server-sdk's `cloud.openapi.*` inside a function
 * (action `wx.openApi`, protobuf both ways), answered as the platform answers them.
 */

let t: TestCloud;

beforeAll(async () => {
  t = await startFixtureCloud({ openApi: defaultOpenApiStandIns });
});

afterAll(async () => {
  await t.close();
});

async function outbox(): Promise<OutboxEntry[]> {
  return (await (await fetch(`${t.cloud.url}/_local/outbox`)).json()) as OutboxEntry[];
}

interface Answer {
  result?: Doc;
  errCode?: number;
  errMsg?: string;
}

describe('security.msgSecCheck', () => {
  it('answers pass, review and risky as wx-server-sdk returns them (camelCase, errCode 0)', async () => {
    const verdicts: unknown[] = [];
    for (const content of ['你好，奥胡斯', '请人工看看 [review]', '这是 [risky] 内容']) {
      const answer = await t.call<Answer>('cloud-caller', { call: 'check', content }, 'o-checker');
      expect(answer.result).toMatchObject({
        errCode: 0,
        errMsg: 'openapi.security.msgSecCheck:ok',
        traceId: expect.any(String),
      });
      verdicts.push((answer.result?.result as Doc).suggest);
    }
    expect(verdicts).toEqual(['pass', 'review', 'risky']);
  });

  it('a non-zero errcode from WeChat makes wx-server-sdk throw it', async () => {
    const answer = await t.call<Answer>('cloud-caller', { call: 'check', content: 'x [check-fails]' }, 'o-1');
    expect(answer).toEqual({
      errCode: -1,
      errMsg: expect.stringContaining('openapi.security.msgSecCheck:fail'),
    });
  });

  it('is recorded with the dotted name, the function, the trigger and the snake_case request', async () => {
    await t.call('cloud-caller', { call: 'check', content: '记录我' }, 'o-recorded');
    const entry = (await outbox()).pop();
    expect(entry).toEqual({
      seq: expect.any(Number),
      at: expect.any(String),
      api: 'security.msgSecCheck',
      function: 'cloud-caller',
      trigger: 'miniprogram',
      request: { content: '记录我', version: 2, scene: 2, openid: 'o-recorded' },
      response: expect.objectContaining({ errcode: 0, result: { suggest: 'pass', label: 100 } }),
    });
  });
});

describe('subscribeMessage.send', () => {
  it('sends, converting camelCase parameters as wx-server-sdk does; a refusal is thrown', async () => {
    const sent = await t.call<Answer>('cloud-caller', { call: 'send', touser: 'o-partner' }, 'o-staff');
    expect(sent.result).toMatchObject({
      errCode: 0,
      errMsg: 'openapi.subscribeMessage.send:ok',
      msgid: expect.any(Number),
    });
    const entry = (await outbox()).pop();
    expect(entry).toMatchObject({
      api: 'subscribeMessage.send',
      function: 'cloud-caller',
      trigger: 'miniprogram',
      request: {
        touser: 'o-partner',
        template_id: 'fixture-template',
        miniprogram_state: 'developer',
        data: { thing1: { value: '回复' } },
      },
    });
    const refused = await t.call<Answer>('cloud-caller', { call: 'send', touser: 'refuse-me' }, 'o-staff');
    expect(refused.errCode).toBe(43101);
  });

  it('from a timer run is recorded with trigger "timer" (its token comes from WX_TRIGGER_API_TOKEN_V0)', async () => {
    const answer = (await t.cloud.fireTimer('cloud-caller', 'hourly')) as Answer;
    expect(answer.result).toMatchObject({ errCode: 0 });
    expect((await outbox()).pop()).toMatchObject({
      api: 'subscribeMessage.send',
      function: 'cloud-caller',
      trigger: 'timer',
      request: { touser: 'o-timer' },
    });
  });
});

describe('refusals, as the platform gives them', () => {
  it('an API missing from the function config.json permissions.openapi is -604101, not recorded', async () => {
    const before = (await outbox()).length;
    const answer = await t.call<Answer>('undeclared-caller', {}, 'o-1');
    expect(answer).toEqual({ errCode: -604101, errMsg: expect.stringContaining('-604101') });
    expect((await outbox()).length).toBe(before);
  });

  it('a declared API the platform does not have is -604100', async () => {
    const answer = await t.call<Answer>('undeclared-caller', { call: 'unknown' }, 'o-1');
    expect(answer.errCode).toBe(-604100);
  });

  it('a plain script (no cloud-call token) is refused with -604104', async () => {
    // wx-server-sdk hands its config to node-sdk, which takes serviceUrl; its own types omit it.
    cloud.init({
      env: 'local',
      serviceUrl: t.cloud.serviceUrl,
      secretId: 'local',
      secretKey: 'local',
    } as Parameters<typeof cloud.init>[0]);
    const before = (await outbox()).length;
    await expect(
      cloud.openapi.security.msgSecCheck({ content: 'x', version: 2, scene: 1, openid: 'o' }),
    ).rejects.toMatchObject({ errCode: -604104 });
    expect((await outbox()).length).toBe(before);
  });
});

describe('the legacy wx.api route', () => {
  it('is refused as an unknown API, and nothing is recorded', async () => {
    const before = (await outbox()).length;
    const error = await rejection(
      t.app.callWxOpenApi({
        apiName: '/wxa/msg_sec_check',
        requestData: { content: '旧路由', version: 2, scene: 1, openid: 'o-legacy' },
      }),
    );
    expect(error).toMatchObject({
      code: 'INVALID_PARAM',
      message: '-604100 API not found: wx.api /wxa/msg_sec_check',
    });
    expect((await outbox()).length).toBe(before);
  });
});

describe('the invocation context in process.env', () => {
  it('wx-server-sdk getWXContext() and node-sdk getUserInfo() see each concurrent caller, throughout its call', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_u, i) => t.call<Doc>('whoami', {}, `o-who-${i}`)),
    );
    answers.forEach((answer, i) => {
      for (const moment of [answer.before, answer.after] as Doc[]) {
        expect(moment.wx).toEqual({
          OPENID: `o-who-${i}`,
          APPID: 'wx-local-appid',
          CLIENTIP: '127.0.0.1',
          ENV: 'local',
          SOURCE: 'wx_client',
        });
        expect(moment.tcb).toMatchObject({ openId: `o-who-${i}`, appId: 'wx-local-appid' });
      }
      expect(answer.trigger).toBeNull();
    });
  });

  it('a server caller (app.callFunction) has no OPENID, and nothing of an earlier caller remains', async () => {
    await t.call('whoami', {}, 'o-earlier');
    const { result } = await t.app.callFunction({ name: 'whoami', data: {} });
    const after = (result as Doc).after as Doc;
    expect(after.wx).toEqual({ APPID: 'wx-local-appid', ENV: 'local' });
    expect(after.tcb).toMatchObject({ openId: '' });
  });
});
