import { importAndroid } from './android/map.js';
import { importFuchsia } from './fuchsia/map.js';
import { importRedox } from './redox/map.js';
import { importSystemdShow, importSystemdUnits } from './systemd/map.js';
import type { ImportFormat, ImportOptions, ImportResult } from './types.js';

/** One entry point per input format; each reads configuration and returns a scenario with its provenance and warnings. */
export function importConfig(format: ImportFormat, paths: readonly string[], options: ImportOptions): ImportResult {
  switch (format) {
    case 'systemd':
      return importSystemdUnits(paths, options);
    case 'systemd-show':
      return importSystemdShow(paths, options);
    case 'fuchsia':
      return importFuchsia(paths, options);
    case 'android':
      return importAndroid(paths, options);
    case 'redox':
      return importRedox(paths, options);
  }
}
