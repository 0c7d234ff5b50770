import { ENQUIRY_STATUS_LABELS, TOPIC_LABELS } from '../../contract/messages.zh';

/**
 * The enquiry subpackage: the form (its validation messages are the contract's, the same texts the
 * `enquiry` function answers), the privacy notice, the success page and 我的咨询. Topic and status
 * words are the contract's too.
 */
export const enquiry = {
  topics: TOPIC_LABELS,
  statuses: ENQUIRY_STATUS_LABELS,
  form: {
    /** Above the form opened from an opportunity. */
    about: '关于：{title}',
    /** The texts of 在线咨询. */
    general: {
      pageTitle: '在线咨询',
      intro: '请留下您的联系方式和咨询内容，中日德兰大区国际事务办公室会尽快回复您。',
      sectionEnquiry: '咨询事项',
      message: '咨询内容',
      messagePlaceholder: '请简要说明您的咨询事项，至少 10 个字',
      submit: '提交咨询',
    },
    /** The texts of 来访申请. */
    visit: {
      pageTitle: '来访申请',
      intro: '计划率团访问中日德兰大区？请填写来访时间、人数和希望参访的机构，国际事务办公室将与您联系安排。',
      sectionEnquiry: '来访目的',
      message: '来访目的',
      messagePlaceholder: '请简要介绍代表团和此行的目的，至少 10 个字',
      submit: '提交来访申请',
    },
    legend: '为必填项',
    sectionContact: '您的信息',
    sectionVisit: '来访安排',
    sectionConsent: '个人信息授权',
    name: '姓名',
    organization: '单位名称',
    title: '职务',
    email: '邮箱',
    phone: '手机号',
    wechatId: '微信号',
    topic: '咨询类别',
    namePlaceholder: '请输入您的姓名',
    organizationPlaceholder: '请输入单位全称',
    optional: '选填',
    emailPlaceholder: '如 name@example.cn',
    phonePlaceholder: '如 +86 138 0000 0000',
    wechatIdPlaceholder: '便于我们通过微信联系您',
    contactHint: '邮箱、手机号和微信号请至少填写一项，以便我们回复您。',
    visitFrom: '开始日期',
    visitTo: '结束日期',
    pickDate: '请选择日期',
    groupSize: '来访人数',
    groupSizePlaceholder: '1–100 人',
    sectors: '关注领域',
    institutions: '希望参访的机构',
    institutionsPlaceholder: '选填，如大学、医院、企业或政府部门',
    lastContact: '使用上次填写的联系方式？',
    useLastContact: '一键填入',
    counter: '{count} / {max}',
    consentPrivacy: '我已阅读并同意《隐私说明》',
    readPrivacy: '阅读《隐私说明》',
    consentCrossBorder: '我同意将以上信息传输至丹麦，由中日德兰大区国际事务办公室处理',
    fixErrors: '请按提示修改标红的内容',
  },
  /** Messages the form is opened with from elsewhere (`?topic=…&message=…`). */
  prefill: {
    document: '您好！我希望索取《{title}》的文本，谢谢。',
    opportunity: '您好！我对“{title}”感兴趣，希望进一步了解详情。',
  },
  success: {
    title: '提交成功',
    received: '您的咨询已提交。国际事务办公室会尽快通过您留下的联系方式与您联系。',
    pendingReview: '您的咨询已提交，内容需经人工审核后再转交处理，请耐心等待。',
    reference: '咨询编号',
    referenceHint: '请保存此编号，联系我们查询进度时提供编号即可。',
    copy: '复制编号',
    copied: '编号已复制',
    detail: '查看咨询详情',
    mine: '查看我的咨询',
    home: '返回首页',
  },
  /** 回复提醒: a one-time WeChat notification when the office replies. */
  subscribe: {
    button: '订阅回复提醒',
    hint: '办公室回复后，我们将通过微信服务通知提醒您一次',
    subscribed: '已订阅回复提醒',
    done: '订阅成功，收到回复时将通知您',
    full: '您已订阅多次回复提醒，无需重复订阅',
    declined: '您未同意接收通知，订阅未开启',
    banned: '您已关闭本小程序的消息通知，可在“设置”中重新开启',
    unavailable: '回复提醒暂未开放，请稍后在“我的咨询”中查看回复',
    failed: '订阅失败，请稍后再试',
    open: '已订阅 {count} 次回复提醒',
  },
  mine: {
    empty: '您还没有提交过咨询',
    write: '在线咨询',
    submittedAt: '提交于{date}',
    reference: '编号：{ref}',
    replied: '办公室已回复',
    visit: '来访申请',
    erased: '已删除',
    erasedNote: '这条咨询已按您的要求或保存期限届满被删除',
    loadMoreFailed: '加载失败，点击重试',
  },
  detail: {
    pageTitle: '咨询详情',
    reference: '咨询编号',
    copy: '复制',
    copied: '编号已复制',
    topic: '咨询类别',
    organization: '单位名称',
    message: '咨询内容',
    visitTitle: '来访安排',
    visitDates: '来访日期',
    visitDateRange: '{from}至{to}',
    groupSize: '来访人数',
    groupSizeValue: '{count} 人',
    sectors: '关注领域',
    institutions: '希望参访的机构',
    timeline: '处理进度',
    responseTime: '通常在 {days} 个工作日内答复',
    submitted: '已提交咨询',
    statusChanged: '状态更新为“{status}”',
    reply: '{author} 回复',
    office: '国际事务办公室',
    machineTranslated: '原文为外文，经机器翻译并由工作人员核对',
    erasedTitle: '已删除',
    erased: '这条咨询已删除或不存在。按您的要求或保存期限届满后，咨询及其回复会被一并删除。',
    toMine: '返回我的咨询',
  },
  privacy: {
    intro:
      '您通过本小程序“在线咨询”提交的信息属于个人信息。本说明介绍我们如何处理这些信息，以及您享有的权利。请您在提交前仔细阅读。',
    version: '版本：{version}',
    sections: {
      controllerTitle: '谁在处理您的信息',
      controller:
        '个人信息处理者为丹麦中日德兰大区（Central Denmark Region）。您的咨询由位于维堡（Viborg）的大区总部国际事务办公室（International Relations Office）负责处理。地址：Regional Headquarter, Skottenborg 26, DK-8800 Viborg, Denmark。',
      purposeTitle: '处理目的',
      purpose:
        '仅用于答复您的咨询、就您提出的合作事宜与您沟通，并在“我的咨询”中向您本人展示处理进度。我们不会将您的信息用于营销，也不会出售或提供给与答复您的咨询无关的第三方。',
      categoriesTitle: '处理的信息',
      categories:
        '您填写的姓名、单位名称、职务（选填）、邮箱和/或手机号、咨询类别和咨询内容；您同意本说明的时间和所同意的说明版本；以及微信提供的用于识别您身份的 OpenID（用于仅向您本人展示您的咨询、避免重复提交和限制提交频率）。',
      checkTitle: '内容安全检测',
      check:
        '为防范违法违规信息，您提交的文字会经微信内容安全服务自动检测。未通过检测的内容不会被保存；需人工审核的内容会在审核后再转交处理。',
      retentionTitle: '保存期限',
      retention:
        '您的咨询（含我们的回复）自提交之日起保存 {months} 个月，期满后自动删除。订阅消息的记录（您的订阅和发给您的消息，含您的 OpenID）以及工作人员为阅读您的咨询所用的机器翻译，在订阅用完、消息发出或翻译完成后保存 {days} 天，期满后自动删除。工作人员导出的咨询表格文件在 1 小时内删除。您要求删除时，我们会同时删除您的咨询、回复、订阅和消息记录、机器翻译以及包含您信息的导出文件（已发出的下载链接随即失效）。',
      transferTitle: '向境外（丹麦）提供',
      transfer:
        '您的信息保存在本小程序使用的腾讯云开发（CloudBase）环境中，由位于丹麦的国际事务办公室工作人员查阅和处理，因此会向中华人民共和国境外（丹麦）提供。境外接收方为丹麦中日德兰大区国际事务办公室，联系方式见上文；其处理目的、方式和信息种类与本说明所述相同。您可以按下文方式向其行使您的权利。为此我们单独征求您的同意。',
      rightsTitle: '您的权利',
      rights:
        '您有权查阅、复制、更正、补充和删除您的个人信息，有权要求我们解释处理规则，并有权撤回同意（撤回不影响撤回前已进行的处理）。根据欧盟《通用数据保护条例》（GDPR），您还有权限制或反对处理、获取可携带的数据副本，并可向丹麦数据保护局（Datatilsynet）投诉。',
      exerciseTitle: '如何行使权利',
      exercise:
        '您可以随时在“我的咨询”中查看您提交的咨询及其处理状态。如需更正、删除您的信息或撤回同意，请通过“联系”页面所列的邮箱或电话联系国际事务办公室，或提交一条类别为“其他”的在线咨询并注明咨询编号。我们会在核实您的身份后，在法律规定的期限内答复。',
    },
  },
} as const;
