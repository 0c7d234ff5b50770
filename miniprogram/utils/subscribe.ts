/** `wx.requestSubscribeMessage` failure when the user turned off this mini program's notifications. */
const SUBSCRIBE_SWITCHED_OFF = 20004;

/**
 * What came of asking for one template: the user's choice (`filter`: the platform filtered the
 * template out, e.g. revoked), `off` when the user has turned notifications off, `failed` when the
 * prompt itself failed.
 */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter' | 'off' | 'failed';

/** The platform's one-time consent prompt for one subscription-message template. */
export async function askSubscription(templateId: string): Promise<SubscribeAnswer> {
  try {
    const result = await wx.requestSubscribeMessage({ tmplIds: [templateId] });
    const choice = (result as unknown as Record<string, string>)[templateId];
    return choice === 'accept' || choice === 'ban' || choice === 'filter' ? choice : 'reject';
  } catch (error) {
    return (error as { errCode?: number }).errCode === SUBSCRIBE_SWITCHED_OFF ? 'off' : 'failed';
  }
}
