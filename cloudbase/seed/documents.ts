/**
 * The two MoUs the source calls current (as of 2016). Their files are not in our hands, so no
 * `fileId`: readers request them from the International Relations Office.
 */
import type { RegionDocument } from '../../contract/models';
import { fromSource } from './source';

export const MOU_SHANGHAI_ID = 'doc-mou-shanghai';
export const MOU_STCSM_ID = 'doc-mou-stcsm';

const AVAILABILITY = '可向国际事务办公室索取';
const MOU_SECTION = 'Memorandum of Understanding (MoU)';

export const DOCUMENTS: RegionDocument[] = [
  {
    _id: MOU_SHANGHAI_ID,
    title: '中日德兰大区与上海市谅解备忘录',
    titleOriginal: 'MoU with Shanghai',
    counterparty: '上海市',
    counterpartyOriginal: 'Shanghai',
    summary:
      '截至2016年有效的两份谅解备忘录之一。作为中日德兰大区与上海市合作协议的补充，明确双方在规定年限内需完成的项目和活动。',
    availability: AVAILABILITY,
    source: fromSource(MOU_SECTION),
  },
  {
    _id: MOU_STCSM_ID,
    title: '中日德兰大区与上海市科学技术委员会谅解备忘录',
    titleOriginal: 'MoU with Science and Technology Commission Shanghai Municipality',
    counterparty: '上海市科学技术委员会',
    counterpartyOriginal: 'Science and Technology Commission Shanghai Municipality',
    summary:
      '截至2016年有效的两份谅解备忘录之一。作为中日德兰大区与上海市合作协议的补充，明确在规定年限内需完成的项目和活动。',
    availability: AVAILABILITY,
    source: fromSource(MOU_SECTION),
  },
];
