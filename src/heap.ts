// A ceiling on the heap of a large build. V8 lets the heap grow to several times what is alive
// before it collects the old generation: a build that parses and renders tens of thousands of
// articles, each leaving a little garbage behind, would peak at twice to four times the memory it
// needs (20,000 articles: 656 MB instead of 300 MB). The build asks for a full collection itself
// whenever the heap has grown well past what was alive after the last one: about a tenth of the
// build's time for half its memory.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** From this many articles the build bounds its heap; smaller sites fit anywhere and build faster without. */
export const LARGE_SITE = 10_000;

/** How far the heap may grow past what was alive after the last collection: this, or a quarter of that. */
const SLACK = 48 * 1024 * 1024;

let collect: (() => void) | undefined;

/** V8's collector, reached without starting Node with --expose-gc (the flag only adds `gc` to new contexts). */
export function collector(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

export class HeapCeiling {
  private active = false;
  /** What was alive after the last collection; unknown until the first. */
  private floor = 0;
  private calls = 0;

  /** `heap`: V8's collector and the bytes in use, unless a test gives its own. */
  constructor(private readonly heap = { collect: () => collector()(), used: () => getHeapStatistics().used_heap_size }) {}

  /**
   * Bounds the heap from now on if the site is large (`articles`: how many it has). What is in use
   * now counts as alive until the first collection: a rebuild that holds every card from its cache
   * is not collected for them.
   */
  arm(articles: number): void {
    this.active = articles >= LARGE_SITE;
    if (this.active) this.floor = this.heap.used();
  }

  /**
   * Before a step that needs memory of its own (saving the cache): collects now if the heap is past
   * the ceiling. A rebuild that rendered a few pages left little to collect, and is not held up.
   */
  settle(): void {
    if (this.active) this.collectIfPast();
  }

  /** Call once per article parsed and per page rendered: every 64th call, collects if the heap is past the ceiling. */
  check(): void {
    if (this.active && ++this.calls % 64 === 0) this.collectIfPast();
  }

  private collectIfPast(): void {
    if (this.heap.used() < this.floor + Math.max(SLACK, this.floor / 4)) return;
    this.heap.collect();
    this.floor = this.heap.used();
  }
}
