let sequence = 0;

/** A valid enquiry form with a requestId of its own (`<prefix>-<time>-<n>`), `overrides` on top. */
export function enquiryForm(
  prefix: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  sequence += 1;
  return {
    requestId: `${prefix}-${Date.now()}-${sequence}`,
    name: '王伟',
    organization: '上海市某某大学',
    email: 'wang.wei@example.cn',
    topic: 'research',
    message: '我们希望与中日德兰大区的研究机构开展医疗健康方面的合作。',
    consent: { privacy: true, crossBorder: true },
    ...overrides,
  };
}
