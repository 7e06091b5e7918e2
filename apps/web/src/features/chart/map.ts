/** A map drawn from the case's own coordinates: no tiles, no borders, only a graticule and the points. */
export interface GeoPoint {
  readonly id: string;
  readonly label: string;
  readonly lat: number;
  readonly lon: number;
}

export interface PlacedPoint extends GeoPoint {
  readonly x: number;
  readonly y: number;
  /** Where the label's baseline starts: right of the point, moved down when it would cover another. */
  readonly labelX: number;
  readonly labelY: number;
}

export interface GraticuleLine {
  readonly kind: 'parallel' | 'meridian';
  /** Degrees of the line, for its label. */
  readonly degrees: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface MapLayout {
  readonly points: PlacedPoint[];
  readonly graticule: GraticuleLine[];
  /** Degrees between graticule lines. */
  readonly step: number;
}

const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30];

/**
 * Equirectangular projection around the points' middle latitude (east-west distances shrink by
 * its cosine, so a Balkan map is not stretched), fitted into width x height with a margin. The
 * graticule step is the smallest that gives at most about six lines across the larger span.
 */
export function projectMap(
  points: readonly GeoPoint[],
  width: number,
  height: number,
  margin = 48,
): MapLayout {
  if (points.length === 0) return { points: [], graticule: [], step: 1 };
  let south = Infinity;
  let north = -Infinity;
  let west = Infinity;
  let east = -Infinity;
  for (const p of points) {
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
  }
  // A single place (or places in one street) still gets a map of some extent around it.
  const pad = Math.max((north - south) * 0.1, (east - west) * 0.1, 0.01);
  south -= pad;
  north += pad;
  west -= pad;
  east += pad;
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = (east - west) * shrink;
  const spanY = north - south;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const x = (lon: number) => offsetX + (lon - west) * shrink * scale;
  const y = (lat: number) => offsetY + (north - lat) * scale;
  const step = STEPS.find((s) => Math.max(east - west, north - south) / s <= 6) ?? 30;
  const graticule: GraticuleLine[] = [];
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    const degrees = Number(lat.toFixed(4));
    graticule.push({ kind: 'parallel', degrees, x1: x(west), y1: y(degrees), x2: x(east), y2: y(degrees) });
  }
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
    const degrees = Number(lon.toFixed(4));
    graticule.push({ kind: 'meridian', degrees, x1: x(degrees), y1: y(north), x2: x(degrees), y2: y(south) });
  }
  return { points: placeLabels(points.map((p) => ({ ...p, x: x(p.lon), y: y(p.lat) }))), graticule, step };
}

const CHARACTER = 7;
const LINE = 15;

/** Greedy, top to bottom: a label that would overlap one already placed moves down a line. */
function placeLabels(points: readonly (GeoPoint & { x: number; y: number })[]): PlacedPoint[] {
  const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
  const placed = new Map<string, PlacedPoint>();
  for (const p of [...points].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const left = p.x + 9;
    const right = left + p.label.length * CHARACTER;
    let baseline = p.y + 4;
    const clashes = (y: number) =>
      boxes.some((b) => left < b.right && right > b.left && y - 11 < b.bottom && y + 3 > b.top);
    for (let tries = 0; tries < 8 && clashes(baseline); tries++) baseline += LINE;
    boxes.push({ left, right, top: baseline - 11, bottom: baseline + 3 });
    placed.set(p.id, { ...p, labelX: left, labelY: baseline });
  }
  return points.map((p) => placed.get(p.id)!);
}
