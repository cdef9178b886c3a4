import { AREA_BASES } from './options';

interface MeasurementLike {
  areaM2: number;
  basis: (typeof AREA_BASES)[number];
  measuredOn: string;
  createdAt: string;
}

/**
 * A space's current area on each basis: the latest measurement dated no later than today (a
 * later entry on the same day wins, as it does for the compliance figures). Bases never mix.
 */
export function currentAreas<M extends MeasurementLike>(measurements: M[], today: string): { basis: M['basis']; latest: M }[] {
  return AREA_BASES.flatMap((basis) => {
    const latest = measurements
      .filter((m) => m.basis === basis && m.measuredOn <= today)
      .reduce<M | undefined>((best, m) => (!best || m.measuredOn > best.measuredOn || (m.measuredOn === best.measuredOn && m.createdAt > best.createdAt) ? m : best), undefined);
    return latest ? [{ basis, latest }] : [];
  });
}
