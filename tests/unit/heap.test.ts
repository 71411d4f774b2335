// The heap ceiling of large builds: when it collects, and that V8's collector is really reached.
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collector, HeapCeiling, LARGE_SITE } from '../../src/heap.js';

const MB = 1024 * 1024;

/** A ceiling over a pretend heap: `heap.size` is what is in use, a collection leaves `heap.alive`. */
function pretend() {
  const heap = { size: 0, alive: 0, collections: 0 };
  const ceiling = new HeapCeiling({
    collect: () => {
      heap.collections++;
      heap.size = heap.alive;
    },
    used: () => heap.size,
  });
  const calls = (n: number) => {
    for (let i = 0; i < n; i++) ceiling.check();
  };
  return { heap, ceiling, calls };
}

describe('HeapCeiling', () => {
  it('collects once the heap has grown 48 MB, or a quarter of what was alive, past the last collection', () => {
    const { heap, ceiling, calls } = pretend();
    ceiling.arm(LARGE_SITE);
    // Each step: what a collection would leave, the heap's size, the collections made so far.
    const steps: [alive: number, size: number, collections: number][] = [
      [0, 47, 0],
      [40, 49, 1],
      // 40 MB alive: the next collection when the heap passes 88 MB.
      [40, 87, 1],
      [300, 89, 2],
      // 300 MB alive: a quarter of it, 75 MB, is the slack.
      [300, 370, 2],
      [300, 376, 3],
    ];
    for (const [alive, size, collections] of steps) {
      heap.alive = alive * MB;
      heap.size = size * MB;
      calls(64);
      expect(heap.collections).toBe(collections);
    }
  });

  it('looks at the heap only every 64th call, and never for a small site', () => {
    const { heap, ceiling, calls } = pretend();
    ceiling.arm(LARGE_SITE - 1);
    heap.size = 500 * MB;
    calls(640);
    expect(heap.collections).toBe(0);
    heap.size = 0;
    ceiling.arm(LARGE_SITE);
    heap.size = 500 * MB;
    calls(63);
    expect(heap.collections).toBe(0);
    calls(1);
    expect(heap.collections).toBe(1);
  });

  it('counts what is in use when armed as alive, and settles only a heap past the ceiling', () => {
    const { heap, ceiling, calls } = pretend();
    // A rebuild from the cache: 150 MB of cards are in use when the files are counted.
    heap.size = 150 * MB;
    heap.alive = 140 * MB;
    ceiling.arm(LARGE_SITE);
    heap.size = 190 * MB;
    calls(64);
    ceiling.settle();
    expect(heap.collections).toBe(0);
    // Past 150 MB and 48 MB more: saving the cache starts from a collected heap.
    heap.size = 198.5 * MB;
    ceiling.settle();
    expect(heap.collections).toBe(1);
    expect(heap.size).toBe(140 * MB);
  });

  it("reaches V8's collector without --expose-gc: a full collection runs", async () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    const major = new Promise<number>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const full = list.getEntries().filter((entry) => (entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
        if (full.length === 0) return;
        observer.disconnect();
        resolve(full.length);
      });
      observer.observe({ entryTypes: ['gc'] });
    });
    collector()();
    expect(await major).toBeGreaterThan(0);
  });
});
