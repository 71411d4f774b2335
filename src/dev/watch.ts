// Watching the site's sources: one rebuild per burst of changes, never two at once.
import { resolve } from 'node:path';
import chokidar from 'chokidar';

/** How long to wait for an editor to finish writing (save = write + rename, often several events). */
const SETTLE_MS = 60;

export interface Watcher {
  /** Settles once the folders have been read: changes from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** A file that changed: `change` when its content did, else added or removed (or a folder). */
export interface Change {
  event: string;
  path: string;
}

/**
 * Calls `rebuild` with what changed after changes under `paths` settle; changes during a
 * rebuild cause one more, with those.
 */
export function watchSources(paths: string[], rebuild: (changes: Change[]) => Promise<void>): Watcher {
  const watcher = chokidar.watch(paths, { ignoreInitial: true, ignored: /(^|[/\\])(\.git|node_modules)([/\\]|$)/ });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let changes: Change[] = [];

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    const these = changes;
    changes = [];
    running = rebuild(these);
    await running;
    running = undefined;
    if (again) {
      again = false;
      await run();
    }
  };
  watcher.on('all', (event, path) => {
    changes.push({ event, path: resolve(path) });
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  });

  return {
    ready: new Promise((resolve) => watcher.once('ready', () => resolve())),
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
