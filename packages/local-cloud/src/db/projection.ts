import type { Doc } from './ejson';

/**
 * `field()` projections of top-level fields (`{ title: true, body: false }`: what list pages ask
 * for), applied directly: through mingo's general projection they cost more than the rest of a
 * page. Anything else (dotted paths, projection operators, a mix mingo must refuse) answers
 * undefined and is left to mingo. The answers share nested values with the documents given, so
 * they are for reading (serializing) only.
 */
export function topLevelProjection(projection: Doc | undefined): ((doc: Doc) => Doc) | undefined {
  const entries = Object.entries(projection ?? {});
  if (entries.length === 0) return (doc) => doc;
  const simple = entries.every(
    ([field, value]) =>
      !field.includes('.') && !field.startsWith('$') && [true, false, 0, 1].includes(value as number),
  );
  if (!simple) return undefined;
  const shown = (value: unknown) => value === true || value === 1;
  const others = entries.filter(([field]) => field !== '_id');
  // `{ _id: true }` alone shows the id only.
  const including = others.length > 0 ? others.some(([, value]) => shown(value)) : shown(projection?._id);
  if (including && others.some(([, value]) => !shown(value))) return undefined;
  const withId = projection?._id === undefined || shown(projection._id);
  if (including) {
    const fields = [...(withId ? ['_id'] : []), ...others.map(([field]) => field)];
    return (doc) => {
      const out: Doc = {};
      for (const field of fields) if (doc[field] !== undefined) out[field] = doc[field];
      return out;
    };
  }
  const hidden = entries.filter(([, value]) => !shown(value)).map(([field]) => field);
  return (doc) => {
    const out: Doc = { ...doc };
    for (const field of hidden) delete out[field];
    return out;
  };
}
