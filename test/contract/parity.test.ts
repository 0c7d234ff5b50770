import type * as z from 'zod/mini';
import { submitInput } from '../../cloudfunctions/enquiry/src/schema';
import {
  newsListInput as contentNewsListInput,
  opportunitiesListInput as contentOpportunitiesListInput,
} from '../../cloudfunctions/content/src/schema';
import {
  documentSaveInput,
  enquiriesEraseInput,
  enquiriesReplyInput,
  enquiriesUpdateInput,
  newsPublishInput,
  newsSaveInput,
  opportunitiesListInput,
  opportunitySaveInput,
  profileSaveInput,
  staffAddInput,
  translateInput,
} from '../../cloudfunctions/admin/src/schema';
import { fieldErrors } from '../../cloudfunctions/_shared/validation';
import { CHINA_OFFSET_MS } from '../../contract/constants';
import { RULE_TEXTS_ZH } from '../../contract/messages.zh';
import * as rules from '../../contract/rules';
import { renderProblems, type Rule } from '../../contract/rules';
import { validate } from '../../contract/validate';

/**
 * One corpus of good and bad inputs, judged by the functions' zod schemas and by the mini
 * program's checker: both must accept the same inputs and, for the others, name the same fields
 * with the same messages (one text per message key and parameters).
 */

const ZW = '\u200B';

const enquiry = {
  requestId: 'form-fill-0001',
  name: '张伟',
  organization: '上海市对外友好协会',
  email: 'zhang.wei@example.cn',
  topic: 'business',
  message: '我们希望了解明年与中日德兰大区开展商业合作的机会。',
  consent: { privacy: true, crossBorder: true },
};

/** `YYYY-MM-DD` of the China calendar day `days` from today: visit dates are judged in China time. */
function chinaDay(days: number): string {
  return new Date(Date.now() + CHINA_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

const visit = { from: chinaDay(20), to: chinaDay(24), groupSize: 8, sectors: ['research', 'culture'] };

const news = { title: '合作新闻', summary: '一句话摘要', body: '# 标题\n\n正文段落。' };

const opportunity = {
  category: 'research',
  title: '科研合作项目',
  summary: '摘要',
  body: '正文',
  audience: '中方科研机构',
  availability: 'by_arrangement',
  participation: 'enquiry',
  contact: { name: '联系人', email: 'contact@example.com' },
};

const contact = {
  name: 'Pia Fabrin',
  salutation: '女士',
  title: '国际事务主管',
  titleOriginal: 'Head of International Relations',
  email: 'pia@rm.dk',
  phone: '+45 21 60 14 45',
  address: { linesOriginal: ['Skottenborg 26', 'DK-8800 Viborg'], zh: '丹麦维堡' },
  linkedin: { platform: 'LinkedIn', description: '领英主页', url: 'https://www.linkedin.com/company/rm' },
  wechat: { platform: '微信', description: '公众号' },
};

const mou = {
  title: '中日德兰大区与上海市谅解备忘录',
  titleOriginal: 'MoU with Shanghai',
  counterparty: '上海市',
  counterpartyOriginal: 'Shanghai',
  summary: '明确双方在规定年限内需完成的项目和活动。',
  availability: '可向国际事务办公室索取',
};

type Case = [name: string, input: unknown];

const CORPUS: { action: string; rule: Rule; schema: z.ZodMiniType; cases: Case[] }[] = [
  {
    action: 'enquiry submit',
    rule: rules.enquirySubmit,
    schema: submitInput,
    cases: [
      ['a valid enquiry', enquiry],
      ['a phone number alone', { ...enquiry, email: undefined, phone: '+86 138-0013-8000' }],
      ['empty optional fields', { ...enquiry, title: '  ', phone: '' }],
      ['a blank name', { ...enquiry, name: '   ' }],
      ['a name too long', { ...enquiry, name: 'x'.repeat(51) }],
      ['a name of zero-width spaces', { ...enquiry, name: ZW.repeat(3) }],
      ['a name of Hangul fillers', { ...enquiry, name: '\u3164\u3164' }],
      ['a bidi override', { ...enquiry, name: '张伟\u202Etxt.exe' }],
      ['a lone surrogate', { ...enquiry, organization: 'ab\uD800cd' }],
      ['a paired surrogate (emoji)', { ...enquiry, organization: '上海 😀 协会' }],
      ['a message padded with zero-width spaces', { ...enquiry, message: `短消息${ZW.repeat(10)}` }],
      ['a short message', { ...enquiry, message: '太短了' }],
      [
        'a message with a control character',
        { ...enquiry, message: '含有控制字符\u0007的咨询内容，应当被拒绝。' },
      ],
      ['a message with newlines and tabs', { ...enquiry, message: '第一行内容足够长\n\t第二行也足够长' }],
      ['a message too long', { ...enquiry, message: '字'.repeat(2001) }],
      ['a bad e-mail', { ...enquiry, email: 'not-an-email' }],
      ['a bad phone', { ...enquiry, phone: '12ab' }],
      ['no contact', { ...enquiry, email: undefined }],
      ['no contact and a blank name', { ...enquiry, email: ' ', name: '' }],
      ['an unknown topic', { ...enquiry, topic: 'sports' }],
      ['an empty topic', { ...enquiry, topic: '' }],
      ['a short request id', { ...enquiry, requestId: 'short' }],
      ['no request id', { ...enquiry, requestId: undefined }],
      ['privacy refused', { ...enquiry, consent: { privacy: false, crossBorder: true } }],
      ['transfer refused', { ...enquiry, consent: { privacy: true, crossBorder: false } }],
      ['consent not an object', { ...enquiry, consent: 'yes' }],
      ['an operator object', { ...enquiry, name: { $ne: null } }],
      ['a number for a string', { ...enquiry, organization: 42 }],
      ['an extra key', { ...enquiry, extra: 'x' }],
      ['an extra consent key', { ...enquiry, consent: { privacy: true, crossBorder: true, more: true } }],
      ['a WeChat ID as the only contact', { ...enquiry, email: undefined, wechatId: 'zhang_wei-2026' }],
      ['a WeChat ID starting with a digit', { ...enquiry, wechatId: '2zhangwei' }],
      ['a WeChat ID too short', { ...enquiry, wechatId: 'zw_1' }],
      ['a visit request', { ...enquiry, kind: 'visit', visit }],
      [
        'a visit with institutions',
        { ...enquiry, kind: 'visit', visit: { ...visit, institutions: '奥胡斯大学、维堡市政府' } },
      ],
      ['a visit without its details', { ...enquiry, kind: 'visit' }],
      ['visit details on a general enquiry', { ...enquiry, visit }],
      [
        'a visit starting in the past',
        { ...enquiry, kind: 'visit', visit: { ...visit, from: chinaDay(-1) } },
      ],
      [
        'a visit ending before it starts',
        { ...enquiry, kind: 'visit', visit: { ...visit, to: chinaDay(19) } },
      ],
      ['a visit over 60 days', { ...enquiry, kind: 'visit', visit: { ...visit, to: chinaDay(81) } }],
      ['a visit of no one', { ...enquiry, kind: 'visit', visit: { ...visit, groupSize: 0 } }],
      [
        'a visit to an unknown sector',
        { ...enquiry, kind: 'visit', visit: { ...visit, sectors: ['sports'] } },
      ],
      ['a date that is no day', { ...enquiry, kind: 'visit', visit: { ...visit, from: '2027-02-30' } }],
      ['an unknown kind', { ...enquiry, kind: 'tour' }],
      ['not an object', 'submit'],
      ['null', null],
      ['an array', [enquiry]],
    ],
  },
  {
    action: 'admin news.save',
    rule: rules.newsSave,
    schema: newsSaveInput,
    cases: [
      ['a valid item', news],
      [
        'tags and a cover',
        {
          ...news,
          tags: ['上海', '合作'],
          category: 'business',
          pinned: true,
          cover: { fileId: 'cloud://env.bucket/news-covers/a.png', alt: '签约' },
        },
      ],
      ['an unknown category', { ...news, category: '代表团来访' }],
      ['a category not a string', { ...news, category: ['business'] }],
      ['a title too long', { ...news, title: '标'.repeat(61) }],
      ['no summary', { ...news, summary: '' }],
      ['everything missing', {}],
      ['repeated tags', { ...news, tags: ['上海', ' 上海 '] }],
      ['too many tags', { ...news, tags: Array.from({ length: 9 }, (_, i) => `t${i}`) }],
      ['a blank tag among repeats', { ...news, tags: ['', 'a', 'a'] }],
      ['tags not a list', { ...news, tags: '上海' }],
      ['a cover without description', { ...news, cover: { fileId: 'cloud://env.bucket/a.png', alt: ' ' } }],
      ['a cover of another type', { ...news, cover: { fileId: 'cloud://env.bucket/a.gif', alt: '图' } }],
      ['a cover not in cloud storage', { ...news, cover: { fileId: 'https://x.cn/a.png', alt: '图' } }],
      ['a cover not an object', { ...news, cover: 'a.png' }],
      ['pinned not a boolean', { ...news, pinned: 'yes' }],
      ['a malformed id', { ...news, id: 'a/b' }],
      ['an id too long', { ...news, id: 'a'.repeat(65) }],
      ['a body with a bidi isolate', { ...news, body: '正文\u2066内容' }],
    ],
  },
  {
    action: 'admin opportunities.save',
    rule: rules.opportunitySave,
    schema: opportunitySaveInput,
    cases: [
      ['a valid opportunity', opportunity],
      [
        'a full one',
        {
          ...opportunity,
          availability: 'open_until',
          deadline: '2030-06-30T15:59:59.000Z',
          availabilityNote: '名额有限',
          participation: 'visit',
          attachments: [
            { fileId: 'cloud://env.bucket/opportunities/a.pdf', name: '说明.pdf', sizeBytes: 1024 },
          ],
          contact: { name: '联系人', title: '主任', email: 'a@b.dk', phone: '+45 12 34 56 78' },
        },
      ],
      ['no category', { ...opportunity, category: '' }],
      ['a retired kind for category', { ...opportunity, category: 'delegation_visit' }],
      ['no audience', { ...opportunity, audience: ' ' }],
      ['an audience too long', { ...opportunity, audience: '对'.repeat(101) }],
      ['an unknown availability', { ...opportunity, availability: 'open' }],
      ['open until without a deadline', { ...opportunity, availability: 'open_until' }],
      ['a deadline on by arrangement', { ...opportunity, deadline: '2030-06-30T15:59:59.000Z' }],
      [
        'a deadline on closed',
        { ...opportunity, availability: 'closed', deadline: '2030-06-30T15:59:59.000Z' },
      ],
      ['closed', { ...opportunity, availability: 'closed' }],
      ['an empty availability note', { ...opportunity, availabilityNote: '  ' }],
      ['an availability note too long', { ...opportunity, availabilityNote: '注'.repeat(101) }],
      ['no way to take part', { ...opportunity, participation: undefined }],
      ['a contact no one can reach', { ...opportunity, contact: { name: '联系人', title: '主任' } }],
      [
        'a contact reached by phone only',
        { ...opportunity, contact: { name: '联系人', phone: '+45 12 34 56 78' } },
      ],
      ['a bad contact e-mail', { ...opportunity, contact: { name: '联系人', email: 'not-an-email' } }],
      ['a contact without a name', { ...opportunity, contact: { name: '', email: 'contact@example.com' } }],
      ['no contact', { ...opportunity, contact: undefined }],
      ['a bad deadline', { ...opportunity, deadline: '2030-02-30T00:00:00Z' }],
      ['a deadline without seconds', { ...opportunity, deadline: '2030-06-30T15:59Z' }],
      [
        'an attachment too large',
        {
          ...opportunity,
          attachments: [{ fileId: 'cloud://e.b/a.pdf', name: 'a.pdf', sizeBytes: 21 * 1024 * 1024 }],
        },
      ],
      [
        'an attachment not a PDF',
        { ...opportunity, attachments: [{ fileId: 'cloud://e.b/a.pdf', name: 'a.doc', sizeBytes: 5 }] },
      ],
      [
        'an attachment of no size',
        { ...opportunity, attachments: [{ fileId: 'cloud://e.b/a.pdf', name: 'a.pdf', sizeBytes: 0 }] },
      ],
      [
        'a fractional size',
        { ...opportunity, attachments: [{ fileId: 'cloud://e.b/a.pdf', name: 'a.pdf', sizeBytes: 1.5 }] },
      ],
      [
        'too many attachments',
        {
          ...opportunity,
          attachments: Array.from({ length: 11 }, () => ({
            fileId: 'cloud://e.b/a.pdf',
            name: 'a.pdf',
            sizeBytes: 1,
          })),
        },
      ],
      ['the retired open flag', { ...opportunity, open: true }],
    ],
  },
  {
    action: 'admin profile.save',
    rule: rules.profileSave,
    schema: profileSaveInput,
    cases: [
      ['the contact part', { contact }],
      [
        'the contact with a location',
        { contact: { ...contact, location: { latitude: 56.45, longitude: 9.4 } } },
      ],
      ['nothing', {}],
      ['only an unknown part', { extra: 1 }],
      ['a bad e-mail and a number too short', { contact: { ...contact, email: 'x', phone: '2160 14' } }],
      ['a Danish number without its country code', { contact: { ...contact, phone: '21 60 14 45' } }],
      ['a number with 00 for +', { contact: { ...contact, phone: '0086 138 0013 8000' } }],
      ['a number of letters', { contact: { ...contact, phone: '+45 abc' } }],
      ['a national number of another country', { contact: { ...contact, phone: '138 0013 8000' } }],
      [
        'the old two-field phone',
        { contact: { ...contact, phone: undefined, mobile: { display: '+45', dial: '+45' } } },
      ],
      [
        'an official account by its original ID',
        { contact: { ...contact, wechat: { ...contact.wechat, username: 'gh_0123456789ab' } } },
      ],
      [
        'an official account by a WeChat ID',
        { contact: { ...contact, wechat: { ...contact.wechat, username: 'rm_china' } } },
      ],
      [
        'a timeline reordered, each date naming its year',
        {
          timeline: [
            { dateLabel: '2016年春', title: '关闭代表处', description: '说明' },
            { dateLabel: '2006年', title: '设立代表处', description: '说明\n第二行' },
          ],
        },
      ],
      [
        'timeline entries without a year or a description',
        {
          timeline: [
            { dateLabel: '春季', title: '标题', description: ' ' },
            { dateLabel: '12016', title: '', description: '说明' },
          ],
        },
      ],
      [
        'too many timeline entries',
        { timeline: Array(31).fill({ dateLabel: '2016年', title: 't', description: 'd' }) },
      ],
      [
        'one focus area',
        {
          focusArea: {
            id: 'knowledge',
            title: '知识交流与互访',
            titleOriginal: 'Knowledge Exchange and Visits',
            summary: '一句话',
            paragraphs: ['第一段', '第二段'],
          },
        },
      ],
      [
        'a focus area that is not one of the four, without paragraphs',
        {
          focusArea: {
            id: 'tourism',
            title: '旅游',
            titleOriginal: 'Tourism',
            summary: '一句话',
            paragraphs: [],
          },
        },
      ],
      [
        'the home page images',
        {
          images: {
            hero: { fileId: 'cloud://env.bucket/profile-files/hero.jpg', alt: '大区总部' },
            logo: { fileId: 'cloud://env.bucket/profile-files/logo.png', alt: '标志' },
          },
        },
      ],
      ['no home page images', { images: {} }],
      [
        'images outside the public folders or not images',
        {
          images: {
            hero: { fileId: 'cloud://env.bucket/exports/hero.jpg', alt: '导出' },
            logo: { fileId: 'cloud://env.bucket/profile-files/logo.pdf', alt: '' },
          },
        },
      ],
      ['a latitude out of range', { contact: { ...contact, location: { latitude: 91, longitude: 9 } } }],
      ['a latitude not a number', { contact: { ...contact, location: { latitude: '56', longitude: 9 } } }],
      [
        'a link without https',
        { contact: { ...contact, wechat: { ...contact.wechat, url: 'http://weixin.qq.com' } } },
      ],
      ['a link that is not one', { contact: { ...contact, wechat: { ...contact.wechat, url: 'https://' } } }],
      ['no address lines', { contact: { ...contact, address: { linesOriginal: [], zh: '维堡' } } }],
      [
        'too many address lines',
        { contact: { ...contact, address: { linesOriginal: Array(7).fill('行'), zh: '维堡' } } },
      ],
      ['a key fact without value', { keyFacts: [{ label: '人口', value: '' }] }],
      ['too many key facts', { keyFacts: Array.from({ length: 13 }, () => ({ label: 'a', value: 'b' })) }],
      ['an intro without paragraphs', { intro: { title: '介绍', paragraphs: [] } }],
      ['an intro with a blank paragraph', { intro: { title: '介绍', paragraphs: ['一', ' '] } }],
      [
        'an office part',
        {
          internationalOffice: {
            name: '办公室',
            nameOriginal: 'Office',
            location: '维堡',
            description: '介绍\n第二行',
          },
        },
      ],
    ],
  },
  {
    action: 'admin documents.save',
    rule: rules.documentSave,
    schema: documentSaveInput,
    cases: [
      ['a new document', mou],
      [
        'an existing document with its PDF',
        {
          ...mou,
          id: 'doc-mou-shanghai',
          file: { fileId: 'cloud://env.bucket/opportunity-files/mou.pdf', name: 'MoU.pdf', sizeBytes: 1024 },
        },
      ],
      ['no title and a long description', { ...mou, title: ' ', summary: '说'.repeat(501) }],
      [
        'a file that is not a PDF',
        {
          ...mou,
          file: { fileId: 'cloud://env.bucket/opportunity-files/mou.docx', name: 'MoU.docx', sizeBytes: 0 },
        },
      ],
      ['an unknown field', { ...mou, source: '网站' }],
    ],
  },
  {
    action: 'admin and content, smaller inputs',
    rule: rules.enquiriesErase,
    schema: enquiriesEraseInput,
    cases: [
      ['an OPENID', { openId: 'o-abc_123' }],
      ['an id', { id: 'abc123' }],
      ['both', { openId: 'o-abc', id: 'abc' }],
      ['neither', {}],
      ['a malformed OPENID', { openId: 'o abc' }],
    ],
  },
  {
    action: 'admin enquiries.update',
    rule: rules.enquiriesUpdate,
    schema: enquiriesUpdateInput,
    cases: [
      ['a move with a note', { id: 'abc', status: 'closed', note: '已回复' }],
      ['back to received', { id: 'abc', status: 'received' }],
      ['a blank note', { id: 'abc', status: 'in_progress', note: '  ' }],
    ],
  },
  {
    action: 'admin news.publish',
    rule: rules.newsPublish,
    schema: newsPublishInput,
    cases: [
      ['now', { id: 'abc' }],
      ['at a time', { id: 'abc', at: new Date(Date.now() + 86_400_000).toISOString() }],
      ['too far ahead', { id: 'abc', at: '2999-01-01T00:00:00.000Z' }],
      ['not a time', { id: 'abc', at: 'tomorrow' }],
    ],
  },
  {
    action: 'admin staff.add',
    rule: rules.staffAdd,
    schema: staffAddInput,
    cases: [
      ['a colleague', { openId: 'o-new', name: '同事' }],
      ['no name', { openId: 'o-new', name: '' }],
      ['a malformed OPENID', { openId: '' }],
    ],
  },
  {
    action: 'admin enquiries.reply',
    rule: rules.enquiriesReply,
    schema: enquiriesReplyInput,
    cases: [
      ['a reply in Chinese', { id: 'enq-1', body: '感谢您的来信，我们将在下周与您联系。' }],
      [
        'a reply written in English',
        { id: 'enq-1', body: '感谢来信。', original: { text: 'Thank you for writing.', language: 'en' } },
      ],
      ['an empty reply', { id: 'enq-1', body: '  ' }],
      ['a reply too long', { id: 'enq-1', body: '字'.repeat(2001) }],
      [
        'an original in an unknown language',
        { id: 'enq-1', body: '感谢。', original: { text: 'Tak', language: 'de' } },
      ],
      ['a bidi override in a reply', { id: 'enq-1', body: '感谢\u202E来信' }],
      ['no id', { body: '感谢。' }],
    ],
  },
  {
    action: 'admin translate',
    rule: rules.translate,
    schema: translateInput,
    cases: [
      ['into English', { text: '我们希望合作。', to: 'en' }],
      ['from Danish into Chinese', { text: 'Tak for din henvendelse.', to: 'zh', from: 'da' }],
      ['into Danish', { text: '你好', to: 'da' }],
      ['no text', { text: '', to: 'en' }],
      ['a text too long', { text: 'x'.repeat(4001), to: 'zh' }],
    ],
  },
  {
    action: 'content news.list',
    rule: rules.contentNewsList,
    schema: contentNewsListInput,
    cases: [
      ['defaults', {}],
      ['a page size', { limit: 5, tag: '上海' }],
      ['a category', { category: 'knowledge', limit: 5 }],
      ['an unknown category', { category: 'education' }],
      ['a page size too big', { limit: 21 }],
      ['a fractional page size', { limit: 2.5 }],
      ['a forged cursor', { cursor: 'a.b' }],
    ],
  },
  {
    action: 'content opportunities.list',
    rule: rules.contentOpportunitiesList,
    schema: contentOpportunitiesListInput,
    cases: [
      ['everything', {}],
      ['a category', { type: 'culture' }],
      ['a retired kind', { type: 'education' }],
      ['an operator object', { type: { $ne: null } }],
    ],
  },
  {
    action: 'admin opportunities.list',
    rule: rules.opportunitiesList,
    schema: opportunitiesListInput,
    cases: [
      ['a status and a category', { status: 'published', category: 'knowledge' }],
      ['the retired kind filter', { kind: 'research' }],
      ['an unknown category', { category: 'mou' }],
    ],
  },
];

describe.each(CORPUS)('$action: the function and the mini program agree', ({ rule, schema, cases }) => {
  it.each(cases)('%s', (_, input) => {
    const server = schema.safeParse(input);
    const client = validate(rule, input);
    const serverFields = server.success ? {} : fieldErrors(server.error);
    expect(renderProblems(client.problems, RULE_TEXTS_ZH)).toEqual(serverFields);
    expect(client.problems.length === 0).toBe(server.success);
  });
});

describe('the corpus', () => {
  it('holds both accepted and refused inputs for every action', () => {
    for (const { rule, cases } of CORPUS) {
      const verdicts = new Set(cases.map(([, input]) => validate(rule, input).problems.length === 0));
      expect(verdicts).toEqual(new Set([true, false]));
    }
  });

  it('names the message keys the contract fixes for the hygiene rules', () => {
    const keys = (input: unknown) =>
      validate(rules.enquirySubmit, input).problems.map(({ path, say }) => [path, say.key]);
    expect(keys({ ...enquiry, name: ZW.repeat(3) })).toEqual([['name', 'text.required']]);
    expect(keys({ ...enquiry, name: '张伟\u202Etxt.exe' })).toEqual([['name', 'text.control']]);
    expect(keys({ ...enquiry, organization: 'ab\uDC00' })).toEqual([['organization', 'text.unpaired']]);
    expect(keys({ ...enquiry, message: `短消息${ZW.repeat(10)}` })).toEqual([['message', 'text.tooShort']]);
  });
});
