import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files an import reads when the user names a folder, as the real system
 * would read it: the folder's entries that `accept` takes, in file-name order
 * (Android init reads an `import`ed folder's files in that order,
 * init/parser.cpp ParseConfigDir(); Redox init runs `run.d` folders in that
 * order, redox-os/init src/main.rs run()). A path that is not a folder is
 * kept as given; `skipped` hears of each entry left out.
 */
export function expandFolders(paths: readonly string[], accept: (name: string) => boolean, skipped: (path: string) => void = () => {}): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let folder = false;
    try {
      folder = statSync(p).isDirectory();
    } catch {
      folder = false; // the reader reports it with its own message
    }
    if (!folder) {
      out.push(p);
      continue;
    }
    for (const name of readdirSync(p).sort()) {
      const path = join(p, name);
      let isFile = false;
      try {
        isFile = statSync(path).isFile();
      } catch {
        isFile = false;
      }
      if (isFile && accept(name)) out.push(path);
      else if (isFile) skipped(path);
    }
  }
  return out;
}
