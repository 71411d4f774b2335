// What the command line says: summaries, usage mistakes, progress and help, in English;
// vi-cli.ts has the same ids.

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const SITE_OPTIONS = `  --content <dir>     Folder of Markdown articles (default: content)
  --templates <dir>   Folder of Nunjucks templates (default: templates, or bantin's own)
  --root <dir>        Site folder the other paths are relative to (default: the current folder)`;
const LANG_OPTION = '  --lang vi|en        Language of the messages (default: the site\'s language)';

export const enCli = {
  'cli.problems': (p: { count: number }) => `${plural(p.count, 'problem')} found`,
  'cli.unchanged': () => 'nothing was written, the previous site is unchanged.',
  'cli.stopped': (p: { signal: string }) => `bantin: stopped by ${p.signal}; nothing was written, the previous site is unchanged.`,
  'cli.warning': () => 'warning:',
  'cli.built': (p: { articles: number; pages: number; files: number; where: string; duration: string }) =>
    `Built ${plural(p.articles, 'article')} into ${p.pages} pages (${p.files} files) in ${p.where}/ in ${p.duration}.`,
  'cli.keptAll': (p: { files: number; where: string }) => `Nothing had changed since the last build: the ${p.files} files in ${p.where}/ were kept as they were.`,
  'cli.keptSome': (p: { again: number; files: number }) =>
    `${p.again} of ${p.files} files ${p.again === 1 ? 'was' : 'were'} written again; the others were kept as they were.`,
  'cli.scheduled': (p: { count: number; next: string }) =>
    `${p.count} scheduled ${p.count === 1 ? 'article was' : 'articles were'} left out; the next is due at ${p.next}. Build again then to publish it.`,
  'cli.unknownCommand': (p: { command: string }) => `bantin: unknown command "${p.command}". Run "bantin --help" for the commands.`,
  'cli.threads': (p: { value: string }) => `bantin: --threads takes a whole number from 1 to 64, not "${p.value}".`,
  'cli.lang': (p: { command: string; value: string }) => `${p.command}: --lang is "vi" or "en", not "${p.value}".`,
  'progress.render': (p: { done: number }) => `Rendering… ${plural(p.done, 'page')}`,
  'progress.copy': (p: { done: number; total: number }) => `Copying static files… ${p.done}/${p.total}`,

  'usage.unknownOption': (p: { option: string }) => `there is no option ${p.option}.`,
  'usage.needsValue': (p: { option: string }) => `${p.option} needs a value.`,
  'usage.takesNoValue': (p: { option: string }) => `${p.option} takes no value.`,
  'usage.other': (p: { detail: string }) => p.detail,
  'usage.mistake': (p: { command: string; mistake: string }) => `${p.command}: ${p.mistake} Run "${p.command} --help" for the options.`,
  'usage.unexpected': (p: { command: string; argument: string }) =>
    `${p.command}: unexpected "${p.argument}": this command takes options only. Run "${p.command} --help" for the options.`,

  'check.format': (p: { value: string }) => `bantin check: --format is "text" or "json", not "${p.value}". Run "bantin check --help" for the options.`,
  'check.summary': (p: { articles: number; ms: number; counts: string }) => `Checked ${plural(p.articles, 'article')} in ${p.ms} ms: ${p.counts}.`,
  'check.errors': (p: { count: number }) => plural(p.count, 'error'),
  'check.warnings': (p: { count: number }) => plural(p.count, 'warning'),
  'check.none': () => 'no problems',
  'severity.error': () => 'error',
  'severity.warning': () => 'warning',

  'new.exists': () => 'This article already exists; bantin does not overwrite it. Open it to go on writing, or choose another title.',
  'new.noTitle': () => 'bantin new: the article needs a title.\nUsage: bantin new "Tiêu đề bài viết" [--author <name>] [--category <section>] [--draft] | bantin new --page "Giới thiệu"',
  'new.noAuthor': (p: { file: string }) =>
    'bantin new: the article has no author yet, and the build needs one. Fill in "author:" in the file, ' +
    'or give it with --author "Tên tác giả", or set one for every article with a line ' +
    `"defaultAuthor: Ban Biên tập" in ${p.file}.`,

  'help.usage': () => 'Usage:',
  'help.options': () => 'Options:',
  'help.optionsFor': (p: { command: string }) => `Options for ${p.command}:`,
  'help.help': () => '  --help, -h          Show this help',
  'help.title': () => 'bantin: static site generator for news bulletins (bản tin)',
  'help.commandHelp': () => 'Show one command\'s help',
  'help.version': () => 'Show the version',
  'help.build.summary': () => 'Build the site from content/ into dist/',
  'help.build.options': () => `${SITE_OPTIONS}
  --out <dir>         Folder for the built site (default: dist); never a folder of other files
  --drafts            Include articles marked "draft: true"
  --future            Include articles dated in the future (left out until their time comes)
  --quiet, -q         Print only errors
  --threads <n>       Render on n threads when there are many pages to render (default: every
                      core, up to 2; 1 renders on the build's own thread)
  --no-cache          Build everything afresh, without .bantin-cache/ (which makes rebuilds
                      render only what changed)
${LANG_OPTION}`,
  'help.build.notes': () => `Exit status: 0 built, 1 problems in the content, configuration or templates, 2 wrong usage,
130 stopped by Ctrl-C (the previous site is unchanged).`,
  'help.build.usage': () => 'bantin build [options]',
  'help.check.usage': () => 'bantin check [options]',
  'help.dev.usage': () => 'bantin dev [options]',
  'help.new.usage': () => 'bantin new "Tiêu đề" [options]',
  'help.new.summary': () => 'Start an article: content/<year>/<month>/<slug>.md, dated now',
  'help.new.options': () => `  --author <name>     Author (default: defaultAuthor in bantin.yaml)
  --category <name>   Section, such as "Thời sự"
  --draft             Mark the article "draft: true"
  --page              Start a standalone page instead: pages/<slug>.md (Giới thiệu, Liên hệ)
  --content <dir>, --root <dir>   As for bantin build
  --quiet, -q         Print nothing (the path of the new file is printed otherwise)
${LANG_OPTION}`,
  'help.new.notes': () => 'Never replaces an existing file.',
  'help.check.summary': () => 'Check the content, links, images and configuration; writes nothing',
  'help.check.options': () => `${SITE_OPTIONS}
  --out <dir>         The built site whose addresses to compare with (default: dist)
  --format json       Problems as JSON, for other tools (default: text)
  --quiet, -q         Print only the errors
${LANG_OPTION}`,
  'help.check.notes': () => 'Exit status: 1 when there is an error, else 0 (warnings alone do not fail); 2 wrong usage.',
  'help.import.usage': () => 'bantin import FILE|DIR... [options]',
  'help.import.summary': () => "Bring the old portal's bulletins (text dumps, saved pages) into content/",
  'help.import.about': () => `Turns bulletins of the old portal into articles: text dumps of its pages (.txt) and pages saved
from a browser (.html, .htm), or folders of them. Each bulletin becomes
content/<year>/<month>/<slug>.md with its title, date, author, lead and text; one that is
already there (imported before, or with the same title and date) is left as it is.`,
  'help.import.options': () => `  --dry-run           List what would be written; write nothing
  --content <dir>, --root <dir>   As for bantin build
${LANG_OPTION}`,
  'help.import.notes': () => `Exit status: 0 every bulletin is in the content folder, 1 some were skipped (the report says
why, with the file and line), 2 wrong usage.`,
  'help.dev.summary': (p: { port: number }) => `Preview the site at http://127.0.0.1:${p.port}/, reloading on every change`,
  'help.dev.options': (p: { port: number }) => `  --port <n>          Port to listen on (default ${p.port}, or the next free one)
  --host <address>    Address to listen on (default 127.0.0.1; 0.0.0.0 lets other devices on
                      your network see it)
  --content <dir>, --templates <dir>, --root <dir>   As for bantin build
${LANG_OPTION}`,
  'help.dev.notes': () => `Drafts (marked "Bản nháp") and scheduled articles are shown. Nothing is written to disk. Stop
with Ctrl-C. It answers only to its own address (with 0.0.0.0: this computer's addresses and
name), so a web page elsewhere cannot read the drafts; --host <name> makes it answer to a name
of your own.`,
} as const;
