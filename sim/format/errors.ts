/** A path into the scenario document, e.g. ['components', 2, 'depends', 0]. */
export type FieldPath = readonly (string | number)[];

/** Renders a field path the way users write it: `components[2].depends[0]`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(top level)' : out;
}

/** A problem found in a scenario, before the file position is known. */
export class ScenarioProblem extends Error {
  /** `atKey`: the last path element is a mapping key that is itself wrong (point at the key, not its value). */
  constructor(readonly path: FieldPath, message: string, readonly atKey = false) {
    super(message);
  }
}

/**
 * Bad input, located: `file:line:col path: message`. The CLI prints exactly
 * `toString()` and exits with code 2.
 */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly path: FieldPath,
    readonly detail: string,
  ) {
    // Line 0 means the problem is the file itself, not a place in it.
    super(line === 0 ? `${file}: ${detail}` : `${file}:${line}:${col} ${formatPath(path)}: ${detail}`);
  }

  override toString(): string {
    return this.message;
  }
}
