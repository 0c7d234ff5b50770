import type { TranslateOutput } from '../../../../contract/api/admin';
import type { ReplyLanguage, TranslateTarget } from '../../../../contract/models';
import { AppError } from '../../../_shared/errors';
import type { StaffContext } from '../guard';
import { messages } from '../i18n';
import { findTranslation, saveTranslation, translationKey } from '../repo/translations';
import { textTranslate, TMT_PROVIDER, TranslateError } from '../translate/tmt';

/**
 * A machine translation for staff: answered from the cache when this text was translated into
 * this language before (a page reload does not pay twice), else by TMT and then cached. A failure
 * is INTERNAL or RATE_LIMITED and stores nothing.
 */
export async function translate(
  input: { text: string; to: TranslateTarget; from?: ReplyLanguage },
  ctx: StaffContext,
): Promise<TranslateOutput> {
  const key = translationKey(input.text, input.to);
  const cached = await findTranslation(key);
  if (cached) return { text: cached.text, from: cached.from, provider: cached.provider, machine: true };
  let translated;
  try {
    translated = await textTranslate(input.text, input.to, input.from);
  } catch (error) {
    console.warn(`[admin] ${ctx.requestId} translation failed:`, (error as Error).message);
    if (error instanceof TranslateError && error.busy)
      throw new AppError('RATE_LIMITED', messages.translateBusy);
    throw new AppError('INTERNAL', messages.translateFailed);
  }
  await saveTranslation({ _id: key, ...translated, provider: TMT_PROVIDER, createdAt: ctx.now });
  return { ...translated, provider: TMT_PROVIDER, machine: true };
}
