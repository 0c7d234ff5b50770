import { createHash, randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../../../contract/constants';

/** A fresh invite code: uniformly random letters and digits of the unambiguous alphabet. */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1)
    code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

/**
 * The stored key of a code: a SHA-256 of it as typed, upper-cased and without the spaces or dashes
 * a colleague may have added, so only someone holding the code can find its invitation.
 */
export function inviteKey(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}
