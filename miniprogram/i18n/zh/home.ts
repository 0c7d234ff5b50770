/** 首页. */
export const home = {
  heroBadge: '官方小程序',
  heroPartner: '与{partner}缔结友好城市（友城）关系',
  keyFacts: '基本信息',
  timeline: '与上海的合作历程',
  focusAreas: '重点合作领域',
  latestNews: '最新动态',
  featuredOpportunities: '合作机会',
  viewAll: '查看全部',
  aboutTitle: '了解大区与国际事务办公室',
  aboutDescription: '负责机构、谅解备忘录与驻上海代表处',
  contactTitle: '联系{office}',
  visitTitle: '计划率团来访',
  visitDescription: '在线提交来访申请：日期、人数和希望参访的机构',
  contactLine: '{name} {salutation}，{title}',
  shareTitle: '丹麦中日德兰大区：与上海的友城关系与合作机会',
} as const;
