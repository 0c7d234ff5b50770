/**
 * One opportunity per kind the source supports. The source gives no deadlines and no files:
 * no `deadline`, no attachments; details are available from the International Relations Office.
 */
import type { Opportunity, OpportunityContact } from '../../contract/models';
import { MOU_SHANGHAI_ID, MOU_STCSM_ID } from './documents';
import { CONTACT } from './profile';
import { fromSource, SOURCE_AS_OF } from './source';

const OFFICE_CONTACT: OpportunityContact = {
  name: CONTACT.name,
  title: CONTACT.title,
  email: CONTACT.email,
  phone: CONTACT.mobile.display,
};

const DETAILS_ON_REQUEST = '详细信息可向国际事务办公室索取。';

/** A published seed opportunity, dated to the source's state of affairs. */
function published(
  item: Omit<
    Opportunity,
    'status' | 'attachments' | 'contact' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'deadline'
  >,
): Opportunity {
  return {
    ...item,
    attachments: [],
    contact: OFFICE_CONTACT,
    status: 'published',
    createdAt: SOURCE_AS_OF,
    updatedAt: SOURCE_AS_OF,
    publishedAt: SOURCE_AS_OF,
  };
}

export const OPPORTUNITIES: Opportunity[] = [
  published({
    _id: 'opp-midtnet-kina',
    kind: 'business_programme',
    title: '商业项目 Midtnet Kina',
    summary: '帮助企业调整产品和解决方案以适应中国市场，计划于2016年夏末启动。',
    body: [
      '商业项目“Midtnet Kina”计划于2016年夏末启动，帮助企业调整产品和解决方案，以适应中国市场。',
      '## 项目背景',
      '在中日德兰大区与上海市的姊妹友好关系协议框架下，多项活动和举措面向企业开展，Midtnet Kina 是其中之一。',
      '## 了解详情',
      DETAILS_ON_REQUEST,
    ].join('\n\n'),
    // The source announces the launch as upcoming; it does not say that anyone can join yet.
    open: false,
    source: fromSource('Business and Regional Development'),
  }),
  published({
    _id: 'opp-research-collaboration',
    kind: 'research',
    title: '科研合作支持',
    summary: '支持区内科研机构拓展对华合作：搭建合作平台、促进知识共享、对接上海主管部门与决策者。',
    body: [
      '中日德兰大区支持区内科研机构拓展对华合作。',
      '## 支持方式',
      [
        '- 搭建与中国合作伙伴开展合作的相关平台',
        '- 促进科研机构之间的知识共享',
        '- 协助建立与上海市相关主管部门和决策者的联系',
      ].join('\n'),
      `以上为主要举措，支持方式不限于此。${DETAILS_ON_REQUEST}`,
    ].join('\n\n'),
    open: true,
    source: fromSource('Research and Education'),
  }),
  published({
    _id: 'opp-educational-cooperation',
    kind: 'education',
    title: '教育机构合作',
    summary: '依托与上海的战略合作，支持区内教育机构与中方对口机构开展合作。',
    body: [
      '中日德兰大区的教育政策以全球化为重点。依托与上海的战略合作，大区支持区内教育机构与中方对口机构开展合作。',
      DETAILS_ON_REQUEST,
    ].join('\n\n'),
    open: true,
    source: fromSource('Cultural- and Educational Exchange'),
  }),
  published({
    _id: 'opp-cultural-exchange',
    kind: 'culture',
    title: '丹中文化交流',
    summary: '合作协议涵盖文化领域交流，大区支持在本地区举办众多丹中文化活动。',
    body: [
      '中日德兰大区与上海市的合作协议涵盖文化领域的交流，大区支持在本地区举办众多丹中文化活动。',
      DETAILS_ON_REQUEST,
    ].join('\n\n'),
    open: true,
    source: fromSource('Cultural- and Educational Exchange'),
  }),
  published({
    _id: 'opp-delegation-visits',
    kind: 'delegation_visit',
    title: '代表团考察交流',
    summary: '上海代表团经常来访，在医疗养老、食品安全、创新与教育等领域汲取灵感、借鉴经验。',
    body: [
      '上海代表团经常到访中日德兰大区，汲取灵感、借鉴经验。交流涉及众多议题，主要包括：',
      ['- 医疗与养老', '- 食品安全与食品法规实施', '- 创新与教育'].join('\n'),
      '如有来访意向，欢迎与国际事务办公室联系。',
    ].join('\n\n'),
    open: true,
    source: fromSource('Knowledge Exchange and Visits'),
  }),
  published({
    _id: 'opp-mou-projects',
    kind: 'mou',
    title: '谅解备忘录框架下的合作项目',
    summary: '两份现行谅解备忘录明确了双方在规定年限内需完成的项目和活动。',
    body: [
      '中日德兰大区与上海市的合作协议另以若干意向书，即谅解备忘录（MoU）作为补充，明确在规定年限内需完成的项目和活动。',
      '## 现行谅解备忘录',
      ['- 与上海市签署的谅解备忘录', '- 与上海市科学技术委员会签署的谅解备忘录'].join('\n'),
      `备忘录文本及相关项目的${DETAILS_ON_REQUEST}`,
    ].join('\n\n'),
    open: true,
    documentIds: [MOU_SHANGHAI_ID, MOU_STCSM_ID],
    source: fromSource('Memorandum of Understanding (MoU)'),
  }),
];
