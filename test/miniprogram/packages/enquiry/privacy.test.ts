import { installWx, loadPage, type PageHandle } from '../../../harness/simulate';

/** 隐私说明: every part the consent refers to, with the retention period and the notice version. */

function text(page: PageHandle, selector: string): string {
  return page.querySelector(selector)?.dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('privacy notice', () => {
  it('says who collects what, why, for how long, the transfer to Denmark and how to exercise one’s rights', async () => {
    installWx();
    const page = loadPage('packages/enquiry/pages/privacy/index');
    await page.onLoad();

    expect(text(page, '#privacy-controller')).toContain('丹麦中日德兰大区（Central Denmark Region）');
    expect(text(page, '#privacy-controller')).toContain('Skottenborg 26, DK-8800 Viborg');
    expect(text(page, '#privacy-purpose')).toContain('答复您的咨询');
    expect(text(page, '#privacy-categories')).toContain('姓名、单位名称、职务');
    expect(text(page, '#privacy-check')).toContain('微信内容安全服务');
    expect(text(page, '#privacy-retention')).toContain('保存 12 个月，期满后自动删除');
    expect(text(page, '#privacy-retention')).toContain('保存 30 天，期满后自动删除');
    expect(text(page, '#privacy-retention')).toContain('包含您信息的导出文件');
    expect(text(page, '#privacy-transfer')).toContain('境外（丹麦）');
    expect(text(page, '#privacy-transfer')).toContain('单独征求您的同意');
    expect(text(page, '#privacy-rights')).toContain('撤回同意');
    expect(text(page, '#privacy-exercise')).toContain('我的咨询');
    expect(text(page, '.privacy-notice__version')).toBe('版本：2026-12-05');
  });
});
