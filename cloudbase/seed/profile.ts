/** The region's profile: the single document of the `profile` collection. */
import { PROFILE_ID } from '../../contract/constants';
import { CATEGORY_LABELS } from '../../contract/messages.zh';
import type { ContactInfo, RegionProfile } from '../../contract/models';
import { MOU_SHANGHAI_ID, MOU_STCSM_ID } from './documents';
import { fromSource, SEED_CHECKED_AT } from './source';

/** The contact the source names: the Head of Secretariat, at the Regional Headquarters. */
export const CONTACT: ContactInfo = {
  name: 'Pia Fabrin',
  salutation: '女士',
  title: '秘书处负责人',
  titleOriginal: 'Head of Secretariat',
  email: 'pia.fabrin@ru.rm.dk',
  mobile: { display: '+45 2160 1445', dial: '+4521601445' },
  address: {
    linesOriginal: ['Regional Headquarter', 'Skottenborg 26', 'DK-8800 Viborg', 'Denmark'],
    zh: '中日德兰大区总部，丹麦维堡（Viborg）Skottenborg 26，邮编 DK-8800',
  },
  linkedin: {
    platform: '领英（LinkedIn）',
    description: '大区的领英主页发布新闻动态，以及大区在中国和丹麦开展活动的信息。',
  },
  wechat: {
    platform: '微信',
    description: '原网页提到大区在微信上设有主页，但未给出账号名称，因此此处暂不列出。',
  },
};

export const PROFILE: RegionProfile = {
  _id: PROFILE_ID,
  name: { zh: '丹麦中日德兰大区', original: 'Central Denmark Region' },
  partner: { zh: '上海市', original: 'Shanghai' },
  intro: {
    title: '中日德兰大区与上海',
    paragraphs: [
      '2013年，丹麦中日德兰大区与上海市迎来友好城市（友城）关系协议签署十周年。上海是世界上规模最大、最具创新活力的城市之一，与上海的友城关系提升了中日德兰大区的国际影响力，使全区企业、机构和组织从中受益。',
      '友城关系协议涵盖多个重点领域和众多活动，均服务于中日德兰大区建设富有吸引力、可持续发展地区的愿景。',
    ],
  },
  keyFacts: [
    { label: '合作伙伴', value: '上海市' },
    { label: '关系性质', value: '友好城市（友城）关系' },
    { label: '协议签署十周年', value: '2013年' },
    { label: '负责机构', value: '国际事务办公室（International Relations Office）' },
    { label: '总部所在地', value: '维堡（Viborg）' },
    { label: '发展愿景', value: '建设富有吸引力、可持续发展的地区' },
    { label: '谅解备忘录', value: '2 份（截至2016年）' },
  ],
  timeline: [
    {
      year: 2006,
      dateLabel: '2006年',
      title: '设立驻上海代表处',
      description:
        '为加强与上海当地政府部门的联系，在上海维护大区利益、推介大区优势，中日德兰大区在上海设立代表处。',
    },
    {
      year: 2013,
      dateLabel: '2013年',
      title: '友城关系协议签署十周年',
      description: '双方共同庆祝友好城市（友城）关系协议签署十周年。',
    },
    {
      year: 2016,
      dateLabel: '2016年春',
      title: '决定关闭驻上海代表处',
      description: '中日德兰大区决定关闭驻上海代表处，以便将资金投入更多双边项目、交流与合作。',
    },
    {
      year: 2016,
      dateLabel: '2016年',
      title: '宣布计划启动商业项目 Midtnet Kina',
      description:
        '大区宣布，商业项目“Midtnet Kina”计划于2016年夏末启动，帮助企业调整产品和解决方案，以适应中国市场。来源未载明项目此后的情况。',
    },
  ],
  focusAreas: [
    {
      id: 'business',
      title: CATEGORY_LABELS.business,
      titleOriginal: 'Business and Regional Development',
      summary: '多项活动和举措面向企业，帮助企业开拓中国市场。',
      paragraphs: [
        '在友好城市（友城）关系协议框架下，中日德兰大区面向企业开展多项活动和举措。',
        '据2016年的介绍，大区的商业项目“Midtnet Kina”计划于当年夏末启动，帮助企业调整产品和解决方案，以适应中国市场。',
      ],
      icon: 'shop',
    },
    {
      id: 'knowledge',
      title: CATEGORY_LABELS.knowledge,
      titleOriginal: 'Knowledge Exchange and Visits',
      summary: '上海代表团经常来访，在医疗与养老、食品安全、创新与教育等领域交流经验。',
      paragraphs: [
        '上海代表团经常到访中日德兰大区，在医疗与养老、食品安全与食品法规实施、创新与教育等众多领域考察学习、交流经验。',
      ],
      icon: 'user-talk',
    },
    {
      id: 'research',
      title: CATEGORY_LABELS.research,
      titleOriginal: 'Research and Education',
      summary: '支持区内科研机构开展对华合作：搭建合作平台、促进知识共享、对接上海主管部门。',
      paragraphs: [
        '中日德兰大区支持区内科研机构开展对华合作，具体方式包括：搭建与中国合作伙伴开展合作的平台，促进科研机构之间的知识共享，协助区内科研机构与上海市相关主管部门和决策者建立联系等。',
      ],
      icon: 'education',
    },
    {
      id: 'culture',
      title: CATEGORY_LABELS.culture,
      titleOriginal: 'Cultural and Educational Exchange',
      summary: '支持区内教育机构与中方对口机构合作，支持在本地区举办中丹文化活动。',
      paragraphs: [
        '中日德兰大区的教育政策注重全球化。依托与上海的战略合作，大区支持区内教育机构与中方对口机构开展合作。',
        '与上海的合作协议还涵盖文化领域的交流，中日德兰大区支持在本地区举办众多中丹文化活动。',
      ],
      icon: 'palette',
    },
  ],
  internationalOffice: {
    name: '国际事务办公室',
    nameOriginal: 'International Relations Office',
    location: '维堡（Viborg）大区总部',
    description:
      '国际事务办公室设在位于维堡（Viborg）的中日德兰大区总部，负责管理与上海市的友好城市（友城）关系协议。',
  },
  representativeOffice: {
    title: '驻上海代表处（2016年决定关闭）',
    paragraphs: [
      '为加强与上海当地政府部门的联系，在上海维护大区利益、推介大区优势，中日德兰大区于2006年在上海设立代表处。',
      '多年来，代表处立足上海，与当地政府部门保持密切联系，促成了中日德兰大区与上海合作伙伴之间的多个合作项目。',
      '2016年春，大区决定关闭代表处，以便将资金投入更多双边项目、交流与合作。',
    ],
  },
  agreements: {
    title: '谅解备忘录（MoU）',
    paragraphs: [
      '中日德兰大区与上海市的合作协议以若干谅解备忘录（MoU）作为补充，明确在规定年限内需完成的项目和活动。',
      '截至2016年，有效的谅解备忘录共两份，分别与上海市和上海市科学技术委员会签署。备忘录目前的效力和文本，可向国际事务办公室询问和索取。',
    ],
    documentIds: [MOU_SHANGHAI_ID, MOU_STCSM_ID],
  },
  contact: CONTACT,
  updatedAt: SEED_CHECKED_AT,
  source: fromSource(),
};
