// What `bantin import` and `bantin dev` say, in English; vi-tools.ts has the same ids.

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const enTools = {
  'import.noTitle': () => 'No title found: the bulletin has no text after its date. Is this a page of the portal?',
  'import.noDate': () => 'No date found above the title. The portal shows it as dd/mm/yyyy (08/09/2020); add it on the line above the title.',
  'import.noBody': () => 'The bulletin has no text after its title and lead.',
  'import.noAuthor': () =>
    "No author: the last line is text, not the author's name, and bantin.yaml has no defaultAuthor. " +
    "Add the author's name as the last line, or set defaultAuthor in bantin.yaml, and import again.",
  'import.noText': () => 'The file has no text to import.',
  'import.writeFailed': (p: { code: string; detail: string }) => `Could not write the article (${p.code}: ${p.detail}); nothing of it was written.`,
  'import.sayWhich': () => 'Say which file or folder to import.',
  'import.absent': (p: { path: string }) => `There is no file or folder "${p.path}".`,
  'import.usage': (p: { mistake: string }) => `bantin import: ${p.mistake}\nRun "bantin import --help" for the options.`,
  'import.imported': () => 'imported',
  'import.wouldImport': () => 'would import',
  'import.present': () => 'already there',
  'import.skipped': () => 'skipped',
  'import.summary': (p: { files: number; imported: number; present: number; skipped: number }) =>
    `From ${plural(p.files, 'file')}: ${plural(p.imported, 'article')} imported, ${p.present} already there, ${p.skipped} skipped.`,
  'import.summaryDry': (p: { files: number; imported: number; present: number; skipped: number }) =>
    `From ${plural(p.files, 'file')}: ${plural(p.imported, 'article')} would be imported, ${p.present} already there, ${p.skipped} skipped. Nothing was written (--dry-run).`,

  'dev.rebuilt': (p: { ms: number; count: number }) => `Rebuilt in ${p.ms} ms: ${plural(p.count, 'file')} changed.`,
  'dev.fixed': (p: { ms: number }) => `Built in ${p.ms} ms: the problems are fixed, and the preview shows the site.`,
  'dev.serving': (p: { count: number }) =>
    `${plural(p.count, 'problem')}; still serving the last good build. Fix the file and save: the page reloads by itself.`,
  'dev.nothingYet': (p: { count: number }) =>
    `${plural(p.count, 'problem')}; there is no good build to serve yet, so every page shows ${p.count === 1 ? 'it' : 'them'}. Fix the file and save: the page reloads by itself.`,
  'dev.port': (p: { value: string }) => `bantin dev: --port must be a number from 0 to 65535, not "${p.value}".`,
  'dev.started': (p: { url: string; file: string }) =>
    `Preview at ${p.url} (drafts shown; ${p.file}, content, templates and static files are watched). Ctrl-C stops.`,
  'dev.stopped': () => 'Stopped.',
  'dev.overlayTitle': (p: { count: number }) => `bantin: ${plural(p.count, 'problem')} in the site`,
  'dev.overlayHint': () => 'Fix the file and save: this page reloads by itself.',
} as const;
