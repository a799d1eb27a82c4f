/**
 * The part of a tune every shard shares: what was asked, never what was
 * measured. A single machine and `--merge` both compute their output from it
 * and the runs (`TuneData`), so a merge prints byte for byte what one machine prints.
 */
export interface TuneHeader {
  scenario: string;
  /** The varied paths, in flag order. */
  paths: string[];
  /** Each setting's values, as written, in `paths` order. */
  settings: string[][];
  /** Each setting's run duration (a `--vary duration=...` makes them differ). */
  durationsUs: number[];
  seeds: number[];
  objectives: string;
  constraints: string[];
}

/**
 * Everything a tune's output is computed from. A single machine builds it from
 * its runs; `--merge` builds the same from shard files; both then go through
 * `analyze` and the same formatter, so a merge prints byte for byte what one
 * machine prints.
 */
export interface TuneData extends TuneHeader {
  search: 'full' | 'halving';
  /** Per setting, per run in seed order: a row of every metric (TUNE_METRICS order). */
  runs: number[][][];
  droppedAfterRound: (number | undefined)[];
  rounds: number[];
}

