// The theme's static files (CSS, script, icons) that ship beside the templates, in `templates/assets/`.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder } from './walk.js';

export interface Asset {
  /** Output path, e.g. `assets/bantin.css`, or `assets/bantin.3f2a9c1b.css` once hashed. */
  outputPath: string;
  content: Uint8Array;
  /** Where the file comes from, on disk. */
  sourcePath: string;
}

/** The `assets/` of each templates folder; a file in an earlier folder overrides the same name in a later one. */
export async function loadThemeAssets(templateDirs: readonly string[]): Promise<Asset[]> {
  const chosen = new Map<string, string>();
  for (const templatesDir of templateDirs) {
    const dir = join(templatesDir, 'assets');
    for (const file of filesUnder(dir, '**/*')) {
      if (!chosen.has(file)) chosen.set(file, join(dir, file));
    }
  }
  const files = [...chosen.keys()].sort();
  return Promise.all(
    files.map(async (file) => {
      const sourcePath = chosen.get(file)!;
      return { outputPath: `assets/${file}`, content: await readFile(sourcePath), sourcePath };
    }),
  );
}

/** Theme files whose names carry a hash of their content. */
const HASHED = /\.(css|js)$/;

export interface HashedAssets {
  assets: Asset[];
  /** Name a template asks for -> name written: `assets/bantin.css` -> `assets/bantin.3f2a9c1b.css`. */
  names: Map<string, string>;
}

/**
 * Gives the CSS and scripts names made from their content, so a host can let browsers keep them
 * for good: a changed file gets a new name. The same bytes always give the same name.
 */
export function hashAssetNames(assets: readonly Asset[]): HashedAssets {
  const names = new Map<string, string>();
  const hashed = assets.map((asset) => {
    if (!HASHED.test(asset.outputPath)) return asset;
    const hash = createHash('sha256').update(asset.content).digest('hex').slice(0, 8);
    const outputPath = asset.outputPath.replace(HASHED, `.${hash}.$1`);
    names.set(asset.outputPath, outputPath);
    return { ...asset, outputPath };
  });
  return { assets: hashed, names };
}
