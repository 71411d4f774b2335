// The photos section of the benchmark (`npm run bench -- --photos 1000`): a corpus of articles with
// three photos each, built clean (every photo made), built again with nothing changed, and built
// again after one photo was replaced. bantin only: the peers make no photos.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PER_ARTICLE = 3;

/** The corpus of `count` articles with photos, generated once while the generator is unchanged. */
function photoCorpus(here, work, count) {
  const dir = join(work, `photos-${count}`);
  const marker = join(dir, '.generated');
  const stamp = `${readFileSync(join(here, 'generate.mjs'), 'utf8').length}:${count}:${PER_ARTICLE}`;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== stamp) {
    execFileSync(process.execPath, [join(here, 'generate.mjs'), dir, String(count), String(PER_ARTICLE)], { stdio: 'inherit' });
    writeFileSync(join(dir, 'bantin.yaml'), 'title: Bản tin thử tải\nbaseUrl: https://bench.example/\n');
    writeFileSync(marker, stamp);
  }
  return dir;
}

/** The first photo of the corpus, by name order. */
function somePhoto(root) {
  const year = join(root, 'content', readdirSync(join(root, 'content')).sort()[0]);
  const month = join(year, readdirSync(year).sort()[0]);
  return join(month, readdirSync(month).filter((name) => name.endsWith('.jpg')).sort()[0]);
}

/** `made N photos` from the summary line, when bantin says it. */
const photosMade = (stdout) => Number(/Made (\d+) photos?/.exec(stdout)?.[1] ?? 0);

export async function benchPhotos({ here, repo, work, count, runs, log, timed, median }) {
  const root = photoCorpus(here, work, count);
  const out = join(work, `out-photos-${count}`);
  const bin = join(repo, 'bin/bantin.js');
  const args = ['build', '--root', root, '--out', out];
  const clean = [];
  for (let run = 0; run < Math.min(runs, 2); run++) {
    // A clean build: no output, no record, no photos made before.
    rmSync(out, { recursive: true, force: true });
    rmSync(join(root, '.bantin-cache'), { recursive: true, force: true });
    clean.push(timed(bin, args));
  }
  const noop = Array.from({ length: runs }, () => timed(bin, args));
  const photo = somePhoto(root);
  const original = readFileSync(photo);
  const { makePhoto } = await import(join(repo, 'scripts/photos.mjs'));
  const changed = [];
  for (let run = 0; run < runs; run++) {
    // A scene of its own, not one of the series': a photo no build has made before.
    writeFileSync(photo, await makePhoto({ width: 1200, height: 900, seed: 1_000_000 + run, grain: 1 }));
    changed.push(timed(bin, args));
  }
  writeFileSync(photo, original);
  timed(bin, args);
  const row = (list) => `${median(list.map((r) => r.seconds)).toFixed(2)} s, ${median(list.map((r) => r.mib)).toFixed(0)} MiB, ${median(list.map((r) => photosMade(r.stdout)))} photos made`;
  log(`\n### bantin with photos: ${count.toLocaleString('en')} articles, ${PER_ARTICLE} photos each (1200×900 JPEG)\n`);
  log('| build | wall time, peak memory, photos made (median) |');
  log('|---|---|');
  log(`| clean (no output, no .bantin-cache/) | ${row(clean)} |`);
  log(`| again, nothing changed | ${row(noop)} |`);
  log(`| again, one photo replaced | ${row(changed)} |`);
}
