import { UsageError } from '../io/exit-codes.js';
import type { ComponentInput, ScenarioInput } from '../scenario/schema.js';

/**
 * What every importer returns: a scenario in the file format (snake_case,
 * human units), each component with its `source:` provenance, and the
 * warnings for what could not be modelled. Importers read configuration; they
 * never run anything.
 */

/** One directive (or declaration) recsim did not model, or modelled only in part. */
export interface ImportWarning {
  /** file:line of the directive. */
  at: string;
  /** The unit, service or component it belongs to. */
  unit: string;
  directive: string;
  why: string;
}

/** How much of one imported unit made it into the scenario. */
export type Coverage = 'full' | 'partial' | 'skipped';

export interface ImportedUnit {
  name: string;
  at: string;
  coverage: Coverage;
  /** Why it was skipped, for skipped units. */
  why?: string;
}

export interface ImportResult {
  format: ImportFormat;
  scenario: ScenarioInput;
  /** A comment to write above each component, by component name. */
  comments: ReadonlyMap<string, string>;
  units: ImportedUnit[];
  warnings: ImportWarning[];
  /** Directives read and deliberately ignored because they have no bearing on recovery, by name: how many assignments. */
  ignored: ReadonlyMap<string, number>;
}

export const IMPORT_FORMATS = ['systemd', 'systemd-show', 'fuchsia', 'android', 'redox'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** Virtual time of the scenario, e.g. "10min". */
  duration: string;
  name?: string;
  /** systemd: the unit the boot starts from (default: default.target, else multi-user.target). */
  target?: string;
  /** fuchsia: folders `include:` shards are resolved against. */
  includePaths?: readonly string[];
}

/** Malformed configuration: `file:line:col what: what to change`; the CLI prints it and exits 2. */
export class ImportError extends UsageError {
  constructor(file: string, line: number, col: number, what: string) {
    super(line === 0 ? `${file}: ${what}` : `${file}:${line}:${col} ${what}`);
  }
}

export type Component = ComponentInput;

/**
 * Accumulates the warnings and unit coverage of one import, so each importer
 * reports the same way: a unit with a warning is modelled in part.
 */
export class ImportLog {
  readonly warnings: ImportWarning[] = [];
  readonly ignored = new Map<string, number>();
  private readonly partial = new Set<string>();

  warn(unit: string, at: string, directive: string, why: string): void {
    this.warnings.push({ at, unit, directive, why });
    this.partial.add(unit);
  }

  ignore(directive: string): void {
    this.ignored.set(directive, (this.ignored.get(directive) ?? 0) + 1);
  }

  coverageOf(unit: string): Coverage {
    return this.partial.has(unit) ? 'partial' : 'full';
  }
}

/**
 * The result every importer returns: its scenario wrapped the same way (name,
 * description, duration, the system block when there is one, components),
 * with what the import log gathered.
 */
export function importResult(
  format: ImportFormat,
  scenario: { name: string; description: string; duration: ScenarioInput['duration']; system?: ScenarioInput['system']; components: ScenarioInput['components'] },
  found: { comments: ReadonlyMap<string, string>; units: ImportedUnit[]; log: Pick<ImportResult, 'warnings' | 'ignored'> },
): ImportResult {
  const { name, description, duration, system, components } = scenario;
  return {
    format,
    scenario: { name, description, duration, ...(system !== undefined ? { system } : {}), components } as ScenarioInput,
    comments: found.comments,
    units: found.units,
    warnings: found.log.warnings,
    ignored: found.log.ignored,
  };
}
