/** 关于大区 and the focus-area pages. */
export const about = {
  introTitle: '关于友城关系',
  officeTitle: '负责机构',
  officeLocation: '办公地点：{location}',
  contactTitle: '联系我们',
  contactDescription: '{name} {salutation}，{title}',
  shareTitle: '了解丹麦中日德兰大区与上海的友城关系',
} as const;

export const focusArea = {
  title: '重点合作领域',
  enquire: '就此领域咨询',
  visit: '申请来访',
  otherAreas: '其他重点领域',
  notFound: '未找到该合作领域',
  shareTitle: '丹麦中日德兰大区重点合作领域：{title}',
} as const;
