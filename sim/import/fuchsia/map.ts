import { ImportError, type ImportOptions, type ImportResult } from '../types.js';

export function importFuchsia(paths: readonly string[], _options: ImportOptions): ImportResult {
  throw new ImportError(paths[0] ?? 'fuchsia', 0, 0, 'not yet');
}
