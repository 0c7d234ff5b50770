/** Links in news and opportunity bodies (the reader taps one). */
export const links = {
  webTitle: '复制链接',
  webContent: '小程序内无法直接打开网页。复制链接后，可粘贴到浏览器中打开：\n{url}',
  copy: '复制链接',
  copied: '链接已复制，请在浏览器中打开',
  articleFallback: '当前微信版本无法在小程序内打开公众号文章，已为您准备复制链接',
  mailTitle: '复制邮箱地址',
  mailContent: '复制邮箱地址后，可在邮件应用中给 {address} 写信',
  mailCopied: '邮箱地址已复制',
  pageFailed: '页面暂时无法打开',
  cancel: '取消',
} as const;
