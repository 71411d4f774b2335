// Guards for the output folder: the build replaces it whole, so it must never be a folder the user keeps.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, parse, relative, sep } from 'node:path';
import { BantinError } from '../errors.js';
import { msg, type Message } from '../messages/index.js';

/**
 * Folders of the site's repository that are never the output, nor hold it: the build replaces
 * the output whole. (pages/ is where sites keep pages of their own; .bantin-cache/ is what the
 * last build remembers. The static folder, where `static/` files come from, is told by its path.)
 */
const KEPT_FOLDERS = ['.git', 'pages', 'node_modules', '.bantin-cache'];
/** Names that are never part of the output's path, wherever they are. */
const NEVER_INSIDE = new Set(['.git', 'node_modules', '.bantin-cache']);
/** Files an operating system leaves in any folder it shows; they do not make a folder someone's. */
const LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);
/** A theme file every site bantin builds has, under its hashed name: bantin's own scripts and CSS. */
const BANTIN_ASSET = /^(bantin|text-size|share)(\.[0-9a-f]{8})?\.(css|js)$/;

interface Neighbours {
  root: string;
  contentDir: string;
  templatesDir: string;
  staticDir: string;
}

/** Throws before anything is touched if replacing `outDir` would destroy something else. */
export function checkOutputFolder(outDir: string, { root, contentDir, templatesDir, staticDir }: Neighbours): void {
  const refuse = (why: Message, todo = msg('output.todo')) => {
    throw new BantinError(msg('output.refuse', { dir: outDir, why, todo }), {
      file: outDir,
    });
  };
  const existing = statSync(outDir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) refuse(msg('output.isFile'));
  // Compare the paths as given and as they really are, so a link cannot disguise a folder.
  for (const real of [false, true]) {
    const path = real ? realPath : (p: string) => p;
    const out = path(outDir);
    const home = path(homedir());
    if (out === parse(out).root) refuse(msg('output.isRoot'));
    if (out === home) refuse(msg('output.isHome'));
    if (isInside(home, out)) refuse(msg('output.holdsHome'));
    if (out === path(root)) refuse(msg('output.isSite'));
    if (isInside(path(root), out)) refuse(msg('output.holdsSite'));
    for (const [name, dir] of [['content', path(contentDir)], ['templates', path(templatesDir)]] as const) {
      if (out === dir) refuse(msg('output.isFolder', { name }));
      if (isInside(dir, out)) refuse(msg('output.holdsFolder', { name, dir }));
      if (isInside(out, dir)) refuse(msg('output.inFolder', { name }));
    }
    const kept = [...KEPT_FOLDERS.map((name): [string, string] => [name, join(path(root), name)]), ['static', path(staticDir)] as const];
    for (const [name, dir] of kept) {
      if (out === dir) refuse(msg('output.isKept', { name }));
      if (isInside(out, dir)) refuse(msg('output.inKept', { name }));
    }
    const part = out.split(sep).find((name) => NEVER_INSIDE.has(name));
    if (part) refuse(msg('output.neverInside', { name: part }));
  }
  if (existing) {
    const foreign = foreignFile(outDir);
    if (foreign) {
      refuse(
        msg('output.foreign', { what: foreign }),
        msg('output.todoForeign'),
      );
    }
  }
}

/**
 * Why an existing folder is not bantin's own output, or undefined when it is empty or is. bantin
 * writes no marker of its own: every site it builds has an index.html and, in assets/, its
 * theme's script and CSS under hashed names, and no .git of its own.
 */
function foreignFile(dir: string): Message | undefined {
  const names = readdirSync(dir).filter((name) => !LITTER.has(name));
  if (names.length === 0) return undefined;
  if (names.includes('.git')) return msg('output.foreignGit');
  const assets = names.includes('assets') && statSync(join(dir, 'assets')).isDirectory() ? readdirSync(join(dir, 'assets')) : [];
  if (names.includes('index.html') && assets.some((name) => BANTIN_ASSET.test(name))) return undefined;
  const shown = names.sort().slice(0, 3).map((name) => `"${name}"`).join(', ');
  return msg('output.foreignFiles', { names: shown });
}

/** The real path of `path`, or of its nearest existing parent with the rest appended. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const { dir, base } = parse(path);
    return dir === path ? path : join(realPath(dir), base);
  }
}

/** Whether `child` is `parent` or inside it. */
function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path));
}
