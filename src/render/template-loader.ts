// Where templates may come from: files inside the templates folders, never a path that leads out of them.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import nunjucks from 'nunjucks';

/**
 * Nunjucks' FileSystemLoader with a stricter idea of "inside": it checks a name by string prefix,
 * so `{% include "../templates-old/x" %}` from `templates/` gets through, and it follows
 * symbolic links anywhere. This loader resolves every name, links included, and serves only
 * files that really are inside one of the folders; anything else is "not found".
 */
export class FolderLoader extends nunjucks.FileSystemLoader {
  private readonly folders: { given: string; real: string }[];

  constructor(dirs: readonly string[]) {
    super([...dirs]);
    this.folders = dirs.map((dir) => {
      const given = resolve(dir);
      let real = given;
      try {
        real = realpathSync(given);
      } catch {
        // A missing folder finds nothing; the build reports the missing template.
      }
      return { given, real };
    });
  }

  override getSource(name: string): nunjucks.LoaderSource {
    for (const { given, real } of this.folders) {
      const path = resolve(given, name);
      if (!isInside(path, given) && !isInside(path, real)) continue;
      let target: string;
      try {
        target = realpathSync(path);
        if (!isInside(target, real) || !statSync(target).isFile()) continue;
      } catch {
        continue;
      }
      return { src: readFileSync(target, 'utf8'), path, noCache: false };
    }
    // Nunjucks' own loaders answer null for "not found"; its types do not say so.
    return null as unknown as nunjucks.LoaderSource;
  }
}

/** Whether `path` is `folder` or below it. */
function isInside(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && rest !== '..' && !rest.startsWith('..' + sep) && !isAbsolute(rest);
}
