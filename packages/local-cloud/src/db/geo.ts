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

type Vector = [number, number, number];
type Edge = [Position, Position];

/** Below this (in radians, on the unit sphere) two points are one. */
const GEO_EPSILON = 1e-12;

function unitVector([lng, lat]: Position): Vector {
  const [lambda, phi] = [(lng * Math.PI) / 180, (lat * Math.PI) / 180];
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

function cross(a: Vector, b: Vector): Vector {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: Vector, b: Vector): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function normalized(v: Vector): Vector | undefined {
  const length = Math.sqrt(dot(v, v));
  return length < GEO_EPSILON ? undefined : [v[0] / length, v[1] / length, v[2] / length];
}

/** Whether `p`, on the great circle with pole `pole` through `a` and `b`, lies on the arc from a to b. */
function withinArc(p: Vector, a: Vector, b: Vector, pole: Vector): boolean {
  return dot(cross(a, p), pole) >= -GEO_EPSILON && dot(cross(p, b), pole) >= -GEO_EPSILON;
}

/** Whether a point lies on a geodesic edge. */
function onEdge(p: Vector, [from, to]: [Vector, Vector]): boolean {
  const pole = normalized(cross(from, to));
  if (!pole) return Math.acos(Math.min(1, dot(p, from))) < GEO_EPSILON;
  return Math.abs(dot(p, pole)) < GEO_EPSILON && withinArc(p, from, to, pole);
}

/**
 * Whether two edges share a point. Edges are geodesics, as MongoDB's 2dsphere (S2) draws them: two
 * great circles meet in two antipodal points, and the edges cross when one of them is on both.
 */
function edgesMeet(e: Edge, f: Edge): boolean {
  const [a, b, c, d] = [e[0], e[1], f[0], f[1]].map(unitVector) as [Vector, Vector, Vector, Vector];
  const first = normalized(cross(a, b));
  const second = normalized(cross(c, d));
  const meet = first && second ? normalized(cross(first, second)) : undefined;
  if (!first || !second || !meet) {
    // A degenerate edge, or both on one great circle: they meet where one's end lies on the other.
    return onEdge(c, [a, b]) || onEdge(d, [a, b]) || onEdge(a, [c, d]) || onEdge(b, [c, d]);
  }
  return [meet, [-meet[0], -meet[1], -meet[2]] as Vector].some(
    (p) => withinArc(p, a, b, first) && withinArc(p, c, d, second),
  );
}

/** The edges of lines and of polygon rings. */
function edgesOf(geometry: Geometry): Edge[] {
  const lines: unknown[] =
    geometry.type === 'LineString'
      ? [geometry.coordinates]
      : geometry.type === 'MultiLineString' || geometry.type === 'Polygon'
        ? (geometry.coordinates as unknown[])
        : geometry.type === 'MultiPolygon'
          ? (geometry.coordinates as unknown[][]).flat()
          : [];
  return lines.flatMap((line) => {
    const positions = (line as unknown[]).map(asPosition);
    return positions.slice(1).map((to, i): Edge => [positions[i] as Position, to]);
  });
}

/** The lone points of a Point or MultiPoint. */
function pointsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [asPosition(geometry.coordinates)];
  if (geometry.type === 'MultiPoint') return (geometry.coordinates as unknown[]).map(asPosition);
  return [];
}

function areaOf(geometry: Geometry): ((position: Position) => boolean) | undefined {
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? inside(geometry) : undefined;
}

/**
 * Whether two geometries share a point: a vertex or point of one in the other's area, edges that
 * cross (also with no vertex inside), or a point on the other's edge or point.
 */
function intersects(a: Geometry, b: Geometry): boolean {
  const [areaA, areaB] = [areaOf(a), areaOf(b)];
  if (areaB && positionsOf(a).some(areaB)) return true;
  if (areaA && positionsOf(b).some(areaA)) return true;
  const [edgesA, edgesB] = [edgesOf(a), edgesOf(b)];
  if (edgesA.some((e) => edgesB.some((f) => edgesMeet(e, f)))) return true;
  const touches = (points: Position[], edges: Edge[], others: Position[]) =>
    points.some(
      (p) =>
        edges.some((edge) => onEdge(unitVector(p), [unitVector(edge[0]), unitVector(edge[1])])) ||
        others.some((q) => radiansBetween(p, q) < GEO_EPSILON),
    );
  return touches(pointsOf(a), edgesB, pointsOf(b)) || touches(pointsOf(b), edgesA, []);
}

const GEO_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/** `$geoIntersects`: stored geometries that share a point with the query's geometry (any GeoJSON type). */
const $geoIntersects: QueryOperator = (selector, spec) => {
  const shape = (spec as { $geometry?: unknown })?.$geometry;
  if (!isGeometry(shape) || !GEO_TYPES.has(shape.type)) {
    throw new GeoError('$geoIntersects needs a $geometry: a GeoJSON Point, line or polygon (or Multi-)');
  }
  return (doc) =>
    geometriesAt(doc, selector).some(
      (geometry) => GEO_TYPES.has(geometry.type) && intersects(geometry, shape),
    );
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
