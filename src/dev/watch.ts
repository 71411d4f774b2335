// Watching the site's sources: one rebuild per burst of changes, never two at once.
import chokidar from 'chokidar';

/** How long to wait for an editor to finish writing (save = write + rename, often several events). */
const SETTLE_MS = 60;

export interface Watcher {
  /** Settles once the folders have been read: changes from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Calls `rebuild` after changes under `paths` settle; changes during a rebuild cause one more. */
export function watchSources(paths: string[], rebuild: () => Promise<void>): Watcher {
  const watcher = chokidar.watch(paths, { ignoreInitial: true, ignored: /(^|[/\\])(\.git|node_modules)([/\\]|$)/ });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild();
    await running;
    running = undefined;
    if (again) {
      again = false;
      await run();
    }
  };
  watcher.on('all', () => {
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
