// A publication's frozen content: the inputs a round's results were computed from, the
// results (without score sheets: they are recomputed from the inputs, which gives the same
// numbers), its canonical JSON (hashed with SHA-256 by db/assessment/publication-snapshot.ts, which
// owns the crypto), and the diff a restatement carries against the previous publication.
import type { CompiledScheme } from '../scoring/compile-scheme';
import { computePeriodResults, type ComputePeriodOptions, type ComputePeriodResult } from '../scoring/compute-period';
import type {
  EventInput,
  FindingInput,
  PreviousRank,
  RectificationInput,
  ScoreInput,
  ScoringInputs,
  ScoringUnit,
} from '../scoring/scoring-inputs';
import type { PeriodResults, UnitPeriodResult } from '../scoring/scoring-result';

/** A unit of the round with its database id. */
export interface SnapshotUnit extends ScoringUnit {
  id: number;
}

/** What a round's inputs were loaded as (db/assessment/round-inputs.repository.ts). */
export interface LoadedRoundInputs {
  units: SnapshotUnit[];
  inputs: ScoringInputs & { scores: ScoreInput[]; findings: FindingInput[]; events: EventInput[]; rectifications: RectificationInput[] };
  /** Database ids aligned with `inputs.findings` and `inputs.events`. */
  findingIds: number[];
  eventIds: number[];
  /** Not-applicable reasons by `${unitCode}:${leaf}`. */
  naReasons: Record<string, string>;
}

export interface PublicationSnapshot {
  round: { id: number; period: string; kind: string };
  scheme: { id: number; code: string; year: number; version: number; hash: string };
  units: SnapshotUnit[];
  scores: ScoreInput[];
  naReasons: Record<string, string>;
  findings: (FindingInput & { id: number })[];
  events: (EventInput & { id: number })[];
  rectifications: RectificationInput[];
  previousRanks: PreviousRank[];
}

export interface UnitChange {
  unit: string;
  name: string;
  group: string;
  before: { final: number | null; rank: number | null; grade: string | null; vetoes: string[] } | null;
  after: { final: number | null; rank: number | null; grade: string | null; vetoes: string[] } | null;
}

export interface PublicationDiff {
  units: UnitChange[];
  findingsRemoved: { id: number; unit: string; indicator: string; description: string }[];
  findingsAdded: { id: number; unit: string; indicator: string; description: string }[];
  scoresChanged: { unit: string; indicator: string; before: string | null; after: string | null }[];
  eventsRemoved: { id: number; unit: string; code: string }[];
  eventsAdded: { id: number; unit: string; code: string }[];
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function buildSnapshot(
  round: { id: number; periodCode: string; kind: string },
  scheme: { id: number; code: string; year: number; version: number; contentHash: string },
  loaded: LoadedRoundInputs,
  previousRanks: readonly PreviousRank[],
): PublicationSnapshot {
  return {
    round: { id: round.id, period: round.periodCode, kind: round.kind },
    scheme: { id: scheme.id, code: scheme.code, year: scheme.year, version: scheme.version, hash: scheme.contentHash },
    units: loaded.units,
    scores: loaded.inputs.scores,
    naReasons: loaded.naReasons,
    findings: loaded.inputs.findings.map((f, i) => ({ ...f, id: loaded.findingIds[i] ?? 0 })),
    events: loaded.inputs.events.map((e, i) => ({ ...e, id: loaded.eventIds[i] ?? 0 })),
    rectifications: loaded.inputs.rectifications,
    previousRanks: [...previousRanks],
  };
}

/** Computes a snapshot's results with the domain engine (the one implementation). */
export function computeSnapshot(
  scheme: CompiledScheme,
  snapshot: PublicationSnapshot,
  breakdown: ComputePeriodOptions['breakdown'],
): ComputePeriodResult {
  return computePeriodResults(
    scheme,
    snapshot.round.period,
    {
      units: snapshot.units.map(({ code, name, group, tags }) => ({ code, name, group, tags })),
      scores: snapshot.scores,
      findings: snapshot.findings,
      events: snapshot.events,
      rectifications: snapshot.rectifications,
    },
    { previousRanks: snapshot.previousRanks, breakdown },
  );
}

/** The text the publication's `content_hash` is the SHA-256 of: the snapshot and its results. */
export function publicationHashText(snapshot: PublicationSnapshot, results: PeriodResults): string {
  return canonicalJson({ snapshot, results });
}

function summary(row: UnitPeriodResult | undefined): UnitChange['before'] {
  return row === undefined ? null : { final: row.final, rank: row.rank, grade: row.grade, vetoes: row.vetoes };
}

/** What changed between two publications of a round: results per unit, and the inputs. */
export function diffPublications(
  before: { snapshot: PublicationSnapshot; results: PeriodResults },
  after: { snapshot: PublicationSnapshot; results: PeriodResults },
): PublicationDiff {
  const rowsOf = (r: PeriodResults) => new Map(r.groups.flatMap((g) => g.rows).map((row) => [row.unit, row]));
  const a = rowsOf(before.results);
  const b = rowsOf(after.results);
  const units: UnitChange[] = [];
  for (const code of new Set([...a.keys(), ...b.keys()])) {
    const x = summary(a.get(code));
    const y = summary(b.get(code));
    if (canonicalJson(x) === canonicalJson(y)) continue;
    const row = b.get(code) ?? a.get(code);
    units.push({ unit: code, name: row?.name ?? code, group: row?.group ?? '', before: x, after: y });
  }
  units.sort((p, q) => (p.group === q.group ? (p.unit < q.unit ? -1 : 1) : p.group < q.group ? -1 : 1));

  const findingsBefore = new Map(before.snapshot.findings.map((f) => [f.id, f]));
  const findingsAfter = new Map(after.snapshot.findings.map((f) => [f.id, f]));
  const brief = (f: FindingInput & { id: number }) => ({
    id: f.id,
    unit: f.unit,
    indicator: f.indicator,
    description: f.description ?? '',
  });
  const eventsBefore = new Map(before.snapshot.events.map((e) => [e.id, e]));
  const eventsAfter = new Map(after.snapshot.events.map((e) => [e.id, e]));
  const scoreKey = (s: ScoreInput) => `${s.unit}\u0000${s.indicator}`;
  const scoresBefore = new Map(before.snapshot.scores.map((s) => [scoreKey(s), s]));
  const scoresAfter = new Map(after.snapshot.scores.map((s) => [scoreKey(s), s]));
  const scoresChanged: PublicationDiff['scoresChanged'] = [];
  for (const key of new Set([...scoresBefore.keys(), ...scoresAfter.keys()])) {
    const x = scoresBefore.get(key);
    const y = scoresAfter.get(key);
    if (x?.value === y?.value) continue;
    const s = y ?? x;
    if (s === undefined) continue;
    scoresChanged.push({ unit: s.unit, indicator: s.indicator, before: x?.value ?? null, after: y?.value ?? null });
  }
  return {
    units,
    findingsRemoved: [...findingsBefore.values()].filter((f) => !findingsAfter.has(f.id)).map(brief),
    findingsAdded: [...findingsAfter.values()].filter((f) => !findingsBefore.has(f.id)).map(brief),
    scoresChanged,
    eventsRemoved: [...eventsBefore.values()].filter((e) => !eventsAfter.has(e.id)).map((e) => ({ id: e.id, unit: e.unit, code: e.code })),
    eventsAdded: [...eventsAfter.values()].filter((e) => !eventsBefore.has(e.id)).map((e) => ({ id: e.id, unit: e.unit, code: e.code })),
  };
}

/** Every unit's rank of a period's results, as the next period's `previousRanks`. */
export function ranksOf(results: PeriodResults): PreviousRank[] {
  return results.groups.flatMap((g) => g.rows.map((r) => ({ unit: r.unit, group: r.group, rank: r.rank })));
}
