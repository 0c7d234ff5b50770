import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { multiPolygon, point, polygon } from '@turf/helpers';
import type { AnyObject, Options } from 'mingo/types';
import type { Doc } from './ejson';
import { valuesAt } from './paths';

/**
 * Geo queries as CloudBase runs them on GeoJSON (`db.Geo.*` values are stored as GeoJSON, which
 * the SDK sends): `geoNear` (`$nearSphere`, nearest first), `geoWithin` (`$geometry` polygons or
 * `$centerSphere`), `geoIntersects`, and the `$geoNear` aggregation stage. Distances are on a
 * sphere of MongoDB's radius (6378.1 km), computed with turf.
 */

type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}

/** MongoDB's earth radius for spherical geometry, in meters. */
export const EARTH_RADIUS_M = 6_378_100;

class GeoError extends Error {}

function isGeometry(value: unknown): value is Geometry {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Geometry).type === 'string' &&
    Array.isArray((value as Geometry).coordinates)
  );
}

function asPosition(value: unknown): Position {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    typeof value[0] !== 'number' ||
    typeof value[1] !== 'number'
  ) {
    throw new GeoError('a position is [longitude, latitude]');
  }
  return [value[0], value[1]];
}

/** Every position of a GeoJSON geometry (vertices of lines and polygons). */
function positionsOf(geometry: Geometry): Position[] {
  const walk = (value: unknown): Position[] =>
    Array.isArray(value) && typeof value[0] === 'number'
      ? [asPosition(value)]
      : (value as unknown[]).flatMap(walk);
  return walk(geometry.coordinates);
}

/** Great-circle distance in radians. */
function radiansBetween(a: Position, b: Position): number {
  return distance(point(a), point(b), { units: 'radians' });
}

function pointOf(value: unknown): Position | undefined {
  return isGeometry(value) && value.type === 'Point' ? asPosition(value.coordinates) : undefined;
}

/** A test of whether a position lies in (or on the edge of) a polygon or multipolygon. */
function inside(area: Geometry): (position: Position) => boolean {
  if (area.type === 'Polygon') {
    const shape = polygon(area.coordinates as Position[][]);
    return (position) => booleanPointInPolygon(point(position), shape);
  }
  if (area.type === 'MultiPolygon') {
    const shape = multiPolygon(area.coordinates as Position[][][]);
    return (position) => booleanPointInPolygon(point(position), shape);
  }
  throw new GeoError(`$geometry must be a Polygon or MultiPolygon, not ${area.type}`);
}

/** The field values a geo operator looks at (a path may cross arrays, as in any query). */
function geometriesAt(doc: AnyObject, selector: string): Geometry[] {
  return valuesAt(doc, selector.split('.')).filter(isGeometry);
}

interface NearSpec {
  center: Position;
  min: number;
  max: number;
}

function nearSpec(spec: unknown): NearSpec {
  const near = spec as { $geometry?: unknown; $maxDistance?: unknown; $minDistance?: unknown };
  const center = pointOf(near?.$geometry);
  if (!center) throw new GeoError('$nearSphere needs a $geometry Point');
  return {
    center,
    min: typeof near.$minDistance === 'number' ? near.$minDistance : 0,
    max: typeof near.$maxDistance === 'number' ? near.$maxDistance : Infinity,
  };
}

/** Meters from `center` to the nearest point value at `selector`, or undefined when there is none. */
function metersFrom(doc: AnyObject, selector: string, center: Position): number | undefined {
  const points = geometriesAt(doc, selector)
    .map(pointOf)
    .filter((p): p is Position => p !== undefined);
  if (points.length === 0) return undefined;
  return Math.min(...points.map((p) => radiansBetween(center, p) * EARTH_RADIUS_M));
}

type QueryOperator = (selector: string, value: unknown, options: Options) => (doc: AnyObject) => boolean;

const $nearSphere: QueryOperator = (selector, spec) => {
  const { center, min, max } = nearSpec(spec);
  return (doc) => {
    const meters = metersFrom(doc, selector, center);
    return meters !== undefined && meters >= min && meters <= max;
  };
};

const $geoWithin: QueryOperator = (selector, spec) => {
  const within = spec as { $geometry?: unknown; $centerSphere?: unknown };
  let contains: (position: Position) => boolean;
  if (isGeometry(within?.$geometry)) contains = inside(within.$geometry);
  else if (Array.isArray(within?.$centerSphere)) {
    const [centre, radius] = within.$centerSphere as [unknown, unknown];
    const at = asPosition(centre);
    if (typeof radius !== 'number') throw new GeoError('$centerSphere is [[longitude, latitude], radians]');
    contains = (position) => radiansBetween(at, position) <= radius;
  } else throw new GeoError('$geoWithin needs $geometry or $centerSphere');
  return (doc) => geometriesAt(doc, selector).some((geometry) => positionsOf(geometry).every(contains));
};

/**
 * `$geoIntersects`: a stored geometry with a vertex in the query's polygon, or a stored polygon
 * containing the query's point, or the same point. (Edges crossing without a vertex inside are not
 * detected: see the README.)
 */
const $geoIntersects: QueryOperator = (selector, spec) => {
  const shape = (spec as { $geometry?: unknown })?.$geometry;
  if (!isGeometry(shape)) throw new GeoError('$geoIntersects needs a $geometry');
  const queryPoint = pointOf(shape);
  if (queryPoint) {
    return (doc) =>
      geometriesAt(doc, selector).some((geometry) => {
        if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
          return inside(geometry)(queryPoint);
        return positionsOf(geometry).some(([lng, lat]) => lng === queryPoint[0] && lat === queryPoint[1]);
      });
  }
  const contains = inside(shape);
  return (doc) => geometriesAt(doc, selector).some((geometry) => positionsOf(geometry).some(contains));
};

export const GEO_QUERY_OPERATORS = { $nearSphere, $geoWithin, $geoIntersects };

/** The field and condition of a query's `$nearSphere`, if it has one. */
export function nearCondition(query: Doc | undefined): [string, unknown] | undefined {
  return Object.entries(query ?? {}).find(
    ([field, condition]) =>
      !field.startsWith('$') &&
      condition !== null &&
      typeof condition === 'object' &&
      '$nearSphere' in condition,
  );
}

/**
 * Orders documents nearest first when the query has a `$nearSphere` condition, as MongoDB does
 * (the filtering itself is the operator's).
 */
export function nearestFirst(docs: Doc[], query: Doc | undefined): Doc[] {
  const entry = nearCondition(query);
  if (!entry) return docs;
  const [field, condition] = entry;
  const { center } = nearSpec((condition as { $nearSphere: unknown }).$nearSphere);
  return docs
    .map((doc) => ({ doc, meters: metersFrom(doc as AnyObject, field, center) ?? Infinity }))
    .sort((a, b) => a.meters - b.meters)
    .map(({ doc }) => doc);
}

/** The `$geoNear` stage (first in a pipeline): nearest first, with the distance in `distanceField`. */
export function geoNearStage(docs: Doc[], spec: unknown, matches: (query: Doc, doc: Doc) => boolean): Doc[] {
  const options = spec as {
    near?: unknown;
    distanceField?: unknown;
    key?: unknown;
    maxDistance?: unknown;
    minDistance?: unknown;
    query?: unknown;
    includeLocs?: unknown;
    distanceMultiplier?: unknown;
  };
  const center = pointOf(options?.near);
  if (!center) throw new GeoError('$geoNear needs near: a GeoJSON Point');
  if (typeof options.distanceField !== 'string') throw new GeoError('$geoNear needs distanceField');
  const key = typeof options.key === 'string' ? options.key : undefined;
  const min = typeof options.minDistance === 'number' ? options.minDistance : 0;
  const max = typeof options.maxDistance === 'number' ? options.maxDistance : Infinity;
  const multiplier = typeof options.distanceMultiplier === 'number' ? options.distanceMultiplier : 1;
  const query = (options.query ?? {}) as Doc;
  const out: { doc: Doc; meters: number }[] = [];
  for (const doc of docs) {
    if (!matches(query, doc)) continue;
    // Without a key, the document's one GeoJSON point field, as a single 2dsphere index would be.
    const field = key ?? Object.keys(doc).find((name) => pointOf(doc[name]) !== undefined);
    if (!field) continue;
    const meters = metersFrom(doc as AnyObject, field, center);
    if (meters === undefined || meters < min || meters > max) continue;
    const result: Doc = { ...doc, [options.distanceField]: meters * multiplier };
    if (typeof options.includeLocs === 'string') result[options.includeLocs] = doc[field];
    out.push({ doc: result, meters });
  }
  return out.sort((a, b) => a.meters - b.meters).map(({ doc }) => doc);
}
