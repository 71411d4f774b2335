// CI's closing lines, from vitest's JSON report: the counts, then every skipped or todo test that
// tests/allowed-skips.txt does not list with a reason. Exits 1 when there is one, so no test
// stops running unnoticed.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [reportPath, allowedPath] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

/** `full test name  # reason` lines; blank lines and lines starting with # are notes. */
function readAllowed(text) {
  const allowed = new Map();
  const malformed = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = /^(.*\S)\s+#\s*(\S.*)$/.exec(line);
    if (match) allowed.set(match[1], match[2]);
    else malformed.push(`${allowedPath}:${i + 1}: "${line}" has no reason; write "full test name  # reason".`);
  }
  return { allowed, malformed };
}

const { allowed, malformed } = readAllowed(readFileSync(allowedPath, 'utf8'));
const notRun = report.testResults.flatMap((file) =>
  file.assertionResults.filter((test) => test.status !== 'passed' && test.status !== 'failed').map((test) => ({ ...test, file: relative(process.cwd(), file.name) })),
);
const unexplained = notRun.filter((test) => !allowed.has(test.fullName));
const stale = [...allowed.keys()].filter((name) => !notRun.some((test) => test.fullName === name));

const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ''));
for (const name of stale) console.log(`note: ${allowedPath} lists "${name}", which was not skipped (it ran, or is gone); remove the line.`);
for (const line of malformed) console.log(line);
if (unexplained.length > 0) {
  console.log(`\n${unexplained.length} test(s) did not run and ${allowedPath} gives no reason:`);
  for (const test of unexplained) console.log(`  ${test.status}: ${test.fullName}  (${test.file})`);
  console.log(`Make them run in CI, or add a line "full test name  # reason" to ${allowedPath}.`);
}
process.exitCode = unexplained.length > 0 || malformed.length > 0 ? 1 : 0;
