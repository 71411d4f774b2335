// The theme's static files (CSS, script, icons) that ship beside the templates, in `templates/assets/`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';

export interface Asset {
  /** Output path, e.g. `assets/bantin.css`. */
  outputPath: string;
  content: Uint8Array;
}

/** The `assets/` of each templates folder; a file in an earlier folder overrides the same name in a later one. */
export async function loadThemeAssets(templateDirs: readonly string[]): Promise<Asset[]> {
  const chosen = new Map<string, string>();
  for (const templatesDir of templateDirs) {
    const dir = join(templatesDir, 'assets');
    for (const file of await fg('**/*', { cwd: dir, onlyFiles: true, dot: false })) {
      if (!chosen.has(file)) chosen.set(file, join(dir, file));
    }
  }
  const files = [...chosen.keys()].sort();
  return Promise.all(
    files.map(async (file) => ({ outputPath: `assets/${file}`, content: await readFile(chosen.get(file)!) })),
  );
}
