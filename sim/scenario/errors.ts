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
  constructor(readonly path: FieldPath, message: string) {
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
    super(`${file}:${line}:${col} ${formatPath(path)}: ${detail}`);
  }

  override toString(): string {
    return this.message;
  }
}
