/** 首页. */
export const home = {
  heroBadge: '官方小程序',
  heroPartner: '与{partner}缔结姊妹友好关系',
  keyFacts: '关键信息',
  timeline: '与上海的合作历程',
  focusAreas: '重点合作领域',
  latestNews: '最新动态',
  featuredOpportunities: '合作机会',
  viewAll: '查看全部',
  aboutTitle: '了解大区与国际事务办公室',
  aboutDescription: '大区简介、驻上海代表处与谅解备忘录',
  contactTitle: '联系国际事务办公室',
  contactLine: '{name}{salutation} · {office}{title}',
  opportunityOpen: '可参与',
  opportunityClosed: '已结束',
  shareTitle: '丹麦中日德兰大区：与上海的姊妹友好关系与合作机会',
} as const;
