import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTownGrid, type GridTile } from '@/server/compliance/report-views';

let cached: GridTile[] | null = null;

/**
 * The tile-grid layout of the towns, read once from the reference CSV the seed also uses
 * (shared/data/dongguan-town-grid.csv). It is data, not code: no map tiles, no network.
 */
export function townGrid(): GridTile[] {
  cached ??= parseTownGrid(readFileSync(path.join(process.cwd(), 'db', 'seed', 'dongguan-town-grid.csv'), 'utf8'));
  return cached;
}
