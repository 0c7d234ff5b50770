import type { WhoamiOutput } from '../../../../contract/api/admin';
import type { Context } from '../../../_shared/function';
import { isStaff } from '../repo/admins';

/** Answers everyone whether they are staff (and their own OPENID); changes nothing. */
export async function whoami(_input: Record<string, never>, ctx: Context): Promise<WhoamiOutput> {
  const openId = ctx.caller.openId;
  return { isAdmin: openId ? await isStaff(openId) : false, openId };
}
