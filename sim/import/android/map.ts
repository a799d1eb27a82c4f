import { ImportError, type ImportOptions, type ImportResult } from '../types.js';

export function importAndroid(paths: readonly string[], _options: ImportOptions): ImportResult {
  throw new ImportError(paths[0] ?? 'android', 0, 0, 'not yet');
}
