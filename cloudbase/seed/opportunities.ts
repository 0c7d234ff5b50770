/**
 * What a Chinese partner can take up, by the source: a delegation's study visit, and collaboration
 * with the region's educational and research institutions. The region's own programmes (Midtnet
 * Kina for its companies, support for its research institutions, Danish-Chinese cultural events in
 * the region) are described in the focus areas instead. The source gives no dates, no deadlines
 * and no files: each item is open by arrangement with the International Relations Office, which
 * answers through the form or as the named contact.
 */
import type { Opportunity, OpportunityContact } from '../../contract/models';
import { CONTACT } from './profile';
import { fromSource, SOURCE_AS_OF, SOURCE_AS_OF_LABEL } from './source';

const OFFICE_CONTACT: OpportunityContact = {
  name: CONTACT.name,
  title: CONTACT.title,
  email: CONTACT.email,
  phone: CONTACT.mobile.display,
};

/** The basis of "by arrangement": nothing is scheduled, the office agrees it with the partner. */
const ARRANGED_WITH_OFFICE = '具体安排须与国际事务办公室商定，以办公室答复为准。';

/** A published seed opportunity, open by arrangement, dated to the source's state of affairs. */
function byArrangement(
  item: Pick<
    Opportunity,
    '_id' | 'category' | 'title' | 'summary' | 'body' | 'audience' | 'participation' | 'source'
  >,
): Opportunity {
  return {
    ...item,
    availability: 'by_arrangement',
    availabilityNote: ARRANGED_WITH_OFFICE,
    attachments: [],
    contact: OFFICE_CONTACT,
    status: 'published',
    createdAt: SOURCE_AS_OF,
    updatedAt: SOURCE_AS_OF,
    publishedAt: SOURCE_AS_OF,
    // The source gives the year only: the stored day is a placeholder no reader sees.
    dateLabel: SOURCE_AS_OF_LABEL,
  };
}

export const OPPORTUNITIES: Opportunity[] = [
  byArrangement({
    _id: 'opp-study-visits',
    category: 'knowledge',
    title: '赴中日德兰大区考察交流',
    summary: '上海代表团可来访考察，就医疗与养老、食品安全、创新与教育等议题交流经验。',
    audience: '来自上海的代表团',
    participation: 'visit',
    body: [
      '上海代表团经常到访中日德兰大区，考察交流、借鉴经验。',
      '## 交流议题',
      '交流涉及众多议题，主要包括：',
      ['- 医疗与养老', '- 食品安全与食品法规实施', '- 创新与教育'].join('\n'),
      '来访的日期、日程和参访机构，由国际事务办公室与代表团商定。',
    ].join('\n\n'),
    source: fromSource('Knowledge Exchange and Visits'),
  }),
  byArrangement({
    _id: 'opp-education-partners',
    category: 'culture',
    title: '与区内教育机构开展合作',
    summary: '依托与上海的战略合作，中日德兰大区支持区内教育机构与中方对口机构开展合作。',
    audience: '有意与区内教育机构合作的中方教育机构',
    participation: 'enquiry',
    body: [
      '中日德兰大区的教育政策注重全球化。依托与上海的战略合作，大区支持区内教育机构与中方对口机构开展合作。',
      '中方教育机构如有合作意向，可向国际事务办公室介绍贵机构的情况和希望合作的方向。',
    ].join('\n\n'),
    source: fromSource('Cultural- and Educational Exchange'),
  }),
  byArrangement({
    _id: 'opp-research-partners',
    category: 'research',
    title: '与区内科研机构开展合作',
    summary: '中日德兰大区为区内科研机构搭建与中国合作伙伴开展合作的平台，促进科研机构之间的知识共享。',
    audience: '有意与区内科研机构合作的中方科研机构',
    participation: 'enquiry',
    body: [
      '中日德兰大区支持区内科研机构开展对华合作，包括搭建与中国合作伙伴开展合作的平台、促进科研机构之间的知识共享等。',
      '中方科研机构如有合作意向，可向国际事务办公室介绍贵机构的研究领域和希望合作的方向。',
    ].join('\n\n'),
    source: fromSource('Research and Education'),
  }),
];
