// The theme's static files (CSS, script, icons) that ship beside the templates, in `templates/assets/`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';

export interface Asset {
  /** Output path, e.g. `assets/bantin.css`. */
  outputPath: string;
  content: Uint8Array;
}

export async function loadThemeAssets(templatesDir: string): Promise<Asset[]> {
  const dir = join(templatesDir, 'assets');
  const files = await fg('**/*', { cwd: dir, onlyFiles: true, dot: false });
  files.sort();
  return Promise.all(
    files.map(async (file) => ({ outputPath: `assets/${file}`, content: await readFile(join(dir, file)) })),
  );
}
