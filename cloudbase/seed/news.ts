/**
 * News drawn from the source's facts. Dates follow the convention in `./source`: the day stored in
 * `publishAt` is a placeholder no reader sees, `dateLabel` is what the source actually says. The
 * source was written in 2016, so what it says about plans and the state of things is told as of
 * 2016, and nothing is pinned.
 */
import type { NewsItem } from '../../contract/models';
import { fromSource, SOURCE_AS_OF, SOURCE_AS_OF_LABEL, SPRING_2016, YEAR_2013 } from './source';

/** A published seed item: created, updated, scheduled and published at its one known date. */
function published(
  item: Omit<NewsItem, 'status' | 'publishAt' | 'publishedAt' | 'createdAt' | 'updatedAt' | 'dateLabel'>,
  date: Date,
  dateLabel: string,
): NewsItem {
  return {
    ...item,
    status: 'published',
    publishAt: date,
    publishedAt: date,
    dateLabel,
    createdAt: date,
    updatedAt: date,
  };
}

export const NEWS: NewsItem[] = [
  published(
    {
      _id: 'news-2013-10th-anniversary',
      category: 'other',
      title: '中日德兰大区与上海市迎来友城关系协议签署十周年',
      summary: '2013年，中日德兰大区与上海市共同庆祝友好城市（友城）关系协议签署十周年。',
      body: [
        '2013年，丹麦中日德兰大区与上海市共同庆祝友好城市（友城）关系协议签署十周年。',
        '上海是世界上规模最大、最具创新活力的城市之一，与上海的友城关系提升了中日德兰大区的国际影响力，使全区企业、机构和组织从中受益。',
        '## 协议的管理与愿景',
        '友城关系协议由位于维堡（Viborg）的大区总部国际事务办公室负责管理。协议涵盖多个重点领域和众多活动，均服务于中日德兰大区建设富有吸引力、可持续发展地区的愿景。',
      ].join('\n\n'),
      tags: ['友城关系', '上海'],
      pinned: false,
      source: fromSource(),
    },
    YEAR_2013,
    '2013年',
  ),
  published(
    {
      _id: 'news-2016-representative-office',
      category: 'other',
      title: '中日德兰大区决定关闭驻上海代表处，以便将资金投入更多合作项目',
      summary: '为将资金投入更多双边项目、交流与合作，中日德兰大区决定关闭驻上海代表处。',
      body: [
        '2016年春，中日德兰大区决定关闭驻上海代表处，以便将资金投入更多双边项目、交流与合作。',
        '## 代表处的历程',
        '为加强与上海当地政府部门的联系，在上海维护大区利益、推介大区优势，中日德兰大区于2006年在上海设立代表处。',
        '多年来，代表处立足上海，与当地政府部门保持密切联系，促成了中日德兰大区与上海合作伙伴之间的多个合作项目。',
        '## 联系我们',
        '如有合作事宜，欢迎与位于维堡（Viborg）大区总部的国际事务办公室联系。',
      ].join('\n\n'),
      tags: ['驻上海代表处', '友城关系'],
      pinned: false,
      source: fromSource('Our Representative Office in Shanghai'),
    },
    SPRING_2016,
    '2016年春',
  ),
  published(
    {
      _id: 'news-2016-midtnet-kina',
      category: 'business',
      title: '中日德兰大区宣布计划启动商业项目 Midtnet Kina',
      summary:
        '据2016年的介绍，商业项目“Midtnet Kina”计划于当年夏末启动，帮助企业调整产品和解决方案，以适应中国市场。',
      body: [
        '据2016年的介绍，商业项目“Midtnet Kina”计划于当年夏末启动，帮助企业调整产品和解决方案，以适应中国市场。',
        '在中日德兰大区与上海市的友好城市（友城）关系协议框架下，多项活动和举措面向企业开展，Midtnet Kina 是“商业与区域发展”领域的一项举措。',
        '来源未载明项目此后是否如期启动以及目前的情况。如需了解，欢迎与国际事务办公室联系。',
      ].join('\n\n'),
      tags: ['商业合作', '中国市场'],
      pinned: false,
      source: fromSource('Business and Regional Development'),
    },
    SOURCE_AS_OF,
    SOURCE_AS_OF_LABEL,
  ),
  published(
    {
      _id: 'news-delegation-visits',
      category: 'knowledge',
      title: '上海代表团赴中日德兰大区考察交流的主要领域',
      summary:
        '据2016年的介绍，上海代表团经常到访中日德兰大区，在医疗与养老、食品安全、创新与教育等领域考察学习、交流经验。',
      body: [
        '据2016年的介绍，上海代表团经常到访中日德兰大区，考察学习、交流经验。交流涉及众多议题，主要包括：',
        ['- 医疗与养老', '- 食品安全与食品法规实施', '- 创新与教育'].join('\n'),
        '知识交流与互访是中日德兰大区与上海市友好城市（友城）关系的重点领域之一。如有来访意向，欢迎提交来访申请或与国际事务办公室联系。',
      ].join('\n\n'),
      tags: ['医疗养老', '食品安全', '创新与教育'],
      pinned: false,
      source: fromSource('Knowledge Exchange and Visits'),
    },
    SOURCE_AS_OF,
    SOURCE_AS_OF_LABEL,
  ),
  published(
    {
      _id: 'news-current-mous',
      category: 'other',
      title: '两份谅解备忘录明确双方合作项目与活动',
      summary: '中日德兰大区与上海市的合作协议以谅解备忘录作为补充，截至2016年，有效的备忘录共有两份。',
      body: [
        '中日德兰大区与上海市的合作协议以若干谅解备忘录（MoU）作为补充，明确在规定年限内需完成的项目和活动。',
        '截至2016年，有效的谅解备忘录共有两份：',
        ['- 与上海市签署的谅解备忘录', '- 与上海市科学技术委员会签署的谅解备忘录'].join('\n'),
        '备忘录目前的效力和文本，可向国际事务办公室询问和索取。',
      ].join('\n\n'),
      tags: ['谅解备忘录', '友城关系'],
      pinned: false,
      source: fromSource('Memorandum of Understanding (MoU)'),
    },
    SOURCE_AS_OF,
    SOURCE_AS_OF_LABEL,
  ),
];
