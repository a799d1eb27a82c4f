import { ImportError, type ImportOptions, type ImportResult } from '../types.js';

export function importRedox(paths: readonly string[], _options: ImportOptions): ImportResult {
  throw new ImportError(paths[0] ?? 'redox', 0, 0, 'not yet');
}
