/** Items per page of every staff list. */
export const STAFF_PAGE_SIZE = 20;

export const iso = (date: Date): string => new Date(date).toISOString();
export const isoOrUndefined = (date: Date | undefined): string | undefined => (date ? iso(date) : undefined);

/** Drops keys whose value is undefined, so optional fields are absent rather than null. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
