// The province's landing figures, per city (pure): from each city's published unit rows of one
// quarter, the units ranked, mean and median final, the grade distribution and the units below the
// pass line (as the read model's is_failing, scoring/pass-line.ts).
import type { CityUnitResult } from '@kaoping/db/province/province-read.repository';

export interface ProvinceCity {
  id: number;
  name: string;
  shortName: string;
  regionName: string;
}

export interface CitySummary extends ProvinceCity {
  /** The quarter counted (the one asked, else the city's latest published); null when none is published. */
  period: string | null;
  publishedAt: string | null;
  units: number;
  scored: number;
  ranked: number;
  mean: number | null;
  median: number | null;
  /** Units per grade, in the province's grade order (ProvinceSummary.grades); absent grades count 0. */
  grades: { grade: string; count: number }[];
  /** Below the pass line. */
  failing: number;
}

export interface ProvinceSummary {
  /** The quarter asked for, or null for each city's latest. */
  period: string | null;
  /** Every quarter any city of the province has published, newest first (the page's period picker). */
  periods: string[];
  /** Grades seen across the cities, best first (by the highest final each was given). */
  grades: string[];
  cities: CitySummary[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function medianOf(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : round2(((sorted[mid - 1] ?? upper) + upper) / 2);
}

export function summarizeProvince(
  period: string | null,
  periods: readonly string[],
  cities: readonly ProvinceCity[],
  picks: ReadonlyMap<number, { period: string; publishedAt: string } | undefined>,
  rows: readonly CityUnitResult[],
): ProvinceSummary {
  const best = new Map<string, number>();
  for (const r of rows) if (r.grade !== null) best.set(r.grade, Math.max(best.get(r.grade) ?? -Infinity, r.final ?? -Infinity));
  const grades = [...best.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([g]) => g);
  const byCity = new Map<number, CityUnitResult[]>();
  for (const r of rows) byCity.set(r.officeId, [...(byCity.get(r.officeId) ?? []), r]);
  return {
    period,
    periods: [...new Set(periods)].sort().reverse(),
    grades,
    cities: cities.map((city) => {
      const pick = picks.get(city.id);
      const own = pick ? (byCity.get(city.id) ?? []) : [];
      const finals = own.flatMap((r) => (r.final === null ? [] : [r.final])).sort((a, b) => a - b);
      const counts = new Map<string, number>();
      for (const r of own) if (r.grade !== null) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
      return {
        ...city,
        period: pick?.period ?? null,
        publishedAt: pick?.publishedAt ?? null,
        units: own.length,
        scored: finals.length,
        ranked: own.filter((r) => r.rank !== null).length,
        mean: finals.length === 0 ? null : round2(finals.reduce((s, x) => s + x, 0) / finals.length),
        median: medianOf(finals),
        grades: grades.map((grade) => ({ grade, count: counts.get(grade) ?? 0 })),
        failing: own.filter((r) => r.isFailing).length,
      };
    }),
  };
}
