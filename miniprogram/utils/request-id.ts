/**
 * The idempotency key of one enquiry form fill (CONTRACTS.md: 8–64 chars of A-Z a-z 0-9 _ -).
 *
 * It is made with `Math.random` and the clock rather than `wx.getRandomValues`, which is
 * asynchronous and missing from older base libraries (and from the test runtime). It needs no
 * secrecy: the server scopes it to the caller's OPENID, so it only has to differ between one
 * person's form fills: the millisecond clock plus 96 random bits make a clash practically impossible.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const RANDOM_CHARS = 16;

/** A fresh request ID such as `mbx3k2qz-Q7f_2LwZ0aKc9-Tn`. */
export function createRequestId(): string {
  let random = '';
  for (let i = 0; i < RANDOM_CHARS; i += 1) {
    random += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length));
  }
  return `${Date.now().toString(36)}-${random}`;
}
