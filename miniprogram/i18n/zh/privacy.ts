/** The privacy authorisation popup shown before a privacy-scoped WeChat API runs (隐私授权). */
export const privacyPopup = {
  title: '隐私保护提示',
  /** `{feature}` names what the user just tried to do. */
  body: '{feature}需要您先阅读并同意{contract}。我们仅在您使用相关功能时处理必要的信息，不会用于其他用途。',
  contract: '《小程序隐私保护指引》',
  contractFailed: '暂时无法打开隐私保护指引，请稍后再试',
  agree: '同意',
  decline: '拒绝',
  features: {
    default: '使用此功能',
    setClipboardData: '复制内容',
    makePhoneCall: '拨打电话',
    chooseMedia: '选择图片',
    chooseMessageFile: '选择文件',
  },
} as const;
