import type { ContactCard } from '../../../../contract/api/content';
import { AppError } from '../../../_shared/errors';
import type { Context } from '../../../_shared/function';
import { contactCard } from '../present';
import { getProfile } from '../repo/profile';
import type { NoInput } from '../schema';

/** The office's contact card (联系 page). */
export async function contact(_input: NoInput, ctx: Context): Promise<ContactCard> {
  const profile = await getProfile();
  if (!profile) throw new AppError('NOT_FOUND');
  return contactCard(profile, ctx.now);
}
