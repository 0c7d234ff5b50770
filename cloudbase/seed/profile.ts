/** The region's profile: the single document of the `profile` collection. */
import { PROFILE_ID } from '../../contract/constants';
import type { ContactInfo, RegionProfile } from '../../contract/models';
import { MOU_SHANGHAI_ID, MOU_STCSM_ID } from './documents';
import { fromSource, SOURCE_AS_OF } from './source';

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
    zh: '丹麦维堡（Viborg）Skottenborg 26号，中日德兰大区总部，邮编 DK-8800',
  },
  linkedin: {
    platform: '领英（LinkedIn）',
    description: '欢迎访问我们的领英主页，了解新闻动态及我们在丹麦和中国开展活动的最新信息。',
  },
  wechat: {
    platform: '微信',
    description: '我们在中国社交媒体平台微信上也开设了账号，欢迎关注。',
  },
};

export const PROFILE: RegionProfile = {
  _id: PROFILE_ID,
  name: { zh: '丹麦中日德兰大区', original: 'Central Denmark Region' },
  partner: { zh: '上海市', original: 'Shanghai' },
  intro: {
    title: '中日德兰大区与上海',
    paragraphs: [
      '2013年，丹麦中日德兰大区与上海市迎来姊妹友好关系协议签署十周年。上海是世界上规模最大、最具创新活力的城市之一。与上海的友好关系提升了中日德兰大区的国际影响力，全区企业、机构和组织均从中受益。',
      '姊妹友好关系协议由位于维堡（Viborg）的大区总部国际事务办公室负责管理。协议涵盖众多重点领域和活动，均服务于中日德兰大区建设富有吸引力、可持续发展地区的愿景。',
    ],
  },
  keyFacts: [
    { label: '合作伙伴', value: '上海市' },
    { label: '关系性质', value: '姊妹友好关系' },
    { label: '缔结时间', value: '2003年（2013年迎来十周年）' },
    { label: '负责机构', value: '国际事务办公室（International Relations Office）' },
    { label: '总部所在地', value: '维堡（Viborg）' },
    { label: '发展愿景', value: '建设富有吸引力、可持续发展的地区' },
    { label: '现行谅解备忘录', value: '2份' },
  ],
  timeline: [
    {
      year: 2003,
      dateLabel: '2003年',
      title: '缔结姊妹友好关系',
      description: '中日德兰大区与上海市签署姊妹友好关系协议（据2013年协议签署十周年推算）。',
    },
    {
      year: 2006,
      dateLabel: '2006年',
      title: '设立驻上海代表处',
      description:
        '为加强与当地政府部门的联系，在上海维护大区利益、推介大区优势，中日德兰大区在上海设立代表处。',
    },
    {
      year: 2013,
      dateLabel: '2013年',
      title: '姊妹友好关系十周年',
      description: '双方共同庆祝姊妹友好关系协议签署十周年。',
    },
    {
      year: 2016,
      dateLabel: '2016年春',
      title: '决定关闭驻上海代表处',
      description: '中日德兰大区决定关闭驻上海代表处，以便将资金投入更多双边项目、交流与合作。',
    },
    {
      year: 2016,
      dateLabel: '2016年夏末',
      title: '商业项目 Midtnet Kina 计划启动',
      description: '商业项目“Midtnet Kina”计划于2016年夏末启动，帮助企业调整产品和解决方案，以适应中国市场。',
    },
  ],
  focusAreas: [
    {
      id: 'business',
      title: '商业与区域发展',
      titleOriginal: 'Business and Regional Development',
      summary: '多项活动与举措面向企业，助力企业开拓中国市场。',
      paragraphs: [
        '在姊妹友好关系协议框架下，多项活动和举措面向企业开展。',
        '商业项目“Midtnet Kina”计划于2016年夏末启动，帮助企业调整产品和解决方案，以适应中国市场。',
      ],
      icon: 'shop',
    },
    {
      id: 'knowledge',
      title: '知识交流与互访',
      titleOriginal: 'Knowledge Exchange and Visits',
      summary: '上海代表团经常来访，在医疗养老、食品安全、创新与教育等领域交流经验。',
      paragraphs: [
        '上海代表团经常到访中日德兰大区，在医疗与养老、食品安全与食品法规实施、创新与教育等众多领域汲取灵感、借鉴经验。',
      ],
      icon: 'user-talk',
    },
    {
      id: 'research',
      title: '科研与教育',
      titleOriginal: 'Research and Education',
      summary: '支持区内科研机构拓展对华合作，搭建平台、促进知识共享、对接上海主管部门。',
      paragraphs: [
        '中日德兰大区支持区内科研机构拓展对华合作，具体举措包括：搭建与中国合作伙伴开展合作的相关平台，促进科研机构之间的知识共享，协助建立与上海市相关主管部门和决策者的联系等。',
      ],
      icon: 'education',
    },
    {
      id: 'culture',
      title: '文化与教育交流',
      titleOriginal: 'Cultural and Educational Exchange',
      summary: '推动教育机构与中方对口机构合作，支持在本地区举办丹中文化活动。',
      paragraphs: [
        '中日德兰大区的教育政策以全球化为重点。依托与上海的战略合作，大区支持区内教育机构与中方对口机构开展合作。',
        '与上海的合作协议还涵盖文化领域的交流。中日德兰大区支持在本地区举办众多丹中文化活动。',
      ],
      icon: 'palette',
    },
  ],
  internationalOffice: {
    name: '国际事务办公室',
    nameOriginal: 'International Relations Office',
    location: '维堡（Viborg）大区总部',
    description:
      '国际事务办公室设在位于维堡（Viborg）的中日德兰大区总部，负责管理与上海市的姊妹友好关系协议。',
  },
  representativeOffice: {
    title: '驻上海代表处',
    paragraphs: [
      '为加强与当地政府部门的联系，在上海维护大区利益、推介大区优势，中日德兰大区于2006年在上海设立代表处。',
      '多年来，代表处立足上海，与当地政府部门保持密切联系，促成了中日德兰大区与上海合作伙伴之间的多个合作项目。',
      '2016年春，大区决定关闭代表处，以便将资金投入更多双边项目、交流与合作。',
    ],
  },
  agreements: {
    title: '谅解备忘录（MoU）',
    paragraphs: [
      '中日德兰大区与上海市的合作协议另以若干意向书，即谅解备忘录（MoU）作为补充，明确在规定年限内需完成的项目和活动。',
      '现行谅解备忘录共两份，分别与上海市和上海市科学技术委员会签署，文本可向国际事务办公室索取。',
    ],
    documentIds: [MOU_SHANGHAI_ID, MOU_STCSM_ID],
  },
  contact: CONTACT,
  updatedAt: SOURCE_AS_OF,
  source: fromSource(),
};
