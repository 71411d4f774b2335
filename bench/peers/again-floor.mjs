// The floor of a build run again with nothing changed: the least a generator that is not kept
// running does to know that nothing did. Node starts; every article file is found and stat'ed,
// and its stamp compared with the one saved; every file of the output is checked to be there
// still (a file deleted by hand is written again). No Markdown, no templates, nothing written.
//   node again-floor.mjs <content folder> <output folder> <state file>
// The first run (no state file yet) saves the stamps and the output's files; later runs compare
// and print "nothing changed" or "changed".
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import fg from 'fast-glob';

// Paths joined by hand, not by `path.join`: the least work, as bantin itself does it.
const [, , content, output, state] = process.argv;
if (!content || !output || !state) {
  console.error('usage: node again-floor.mjs <content folder> <output folder> <state file>');
  process.exit(2);
}
const stamps = new Map();
for (const file of fg.sync('**/*.md', { cwd: content })) {
  const stat = lstatSync(`${content}/${file}`);
  stamps.set(file, `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`);
}
if (!existsSync(state)) {
  writeFileSync(state, JSON.stringify({ stamps: [...stamps], files: fg.sync('**', { cwd: output, dot: true }) }));
} else {
  const saved = JSON.parse(readFileSync(state, 'utf8'));
  const before = new Map(saved.stamps);
  const same = before.size === stamps.size && [...stamps].every(([file, stamp]) => before.get(file) === stamp) && saved.files.every((file) => existsSync(`${output}/${file}`));
  console.log(same ? 'nothing changed' : 'changed');
}
