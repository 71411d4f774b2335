// What bantin says about the configuration, templates, static files, the output folder and the
// published site's links, in English; vi-site.ts has the same ids.

export const enSite = {
  'config.invisible': (p: { name: string }) =>
    `The configuration contains the invisible character ${p.name}, which a web page or a feed may not contain. Delete it.`,
  'config.notSettings': () => 'The configuration must be a list of settings ("title: ..."), one per line.',
  'config.unreadable': (p: { reason: string }) => `The configuration cannot be read: ${p.reason}`,
  'config.invisibleEscape': (p: { key: string; name: string }) =>
    `${p.key} contains the invisible character ${p.name} (written as an escape such as "\\u0001"), which a web page or a feed may not contain. Remove it.`,
  'config.unknownKey': (p: { key: string }) => `${p.key} is not a setting bantin knows; check its spelling.`,
  'config.type': (p: { key: string; value: string; expected: string }) => `${p.key} is ${p.value}, but it must be ${p.expected}.`,
  'config.enum': (p: { key: string; value: string; allowed: string }) => `${p.key} is ${p.value}, but it must be one of ${p.allowed}.`,
  'config.minimum': (p: { key: string; value: string; limit: number }) => `${p.key} is ${p.value}, but it must be ${p.limit} or more.`,
  'config.emptyText': (p: { key: string }) => `${p.key} is empty; write a value or remove the line.`,
  'config.pattern': (p: { key: string; value: string }) => `${p.key} is ${p.value}, which is not in the form bantin expects; see the example in the README.`,
  'config.other': (p: { key: string; value: string; reason: string }) => `${p.key} is ${p.value}, but it ${p.reason}.`,
  'config.timeZone': (p: { value: string }) => `timeZone ${p.value} is not a time zone; use an IANA name such as "Asia/Ho_Chi_Minh".`,
  'config.noBaseUrl': (p: { file: string }) =>
    `No baseUrl in ${p.file}: feeds, the sitemap and canonical links need the site's address (e.g. "baseUrl: https://example.gov.vn/") and were left out.`,
  'type.string': () => 'text',
  'type.boolean': () => 'true or false',
  'type.integer': () => 'a whole number',
  'type.number': () => 'a number',
  'type.object': () => 'a group of settings',
  'type.array': () => 'a list',

  'template.missing': (p: { name: string }) => `The template "${p.name}" is missing from the templates folder.`,
  'template.error': (p: { detail: string }) => `Template error: ${p.detail}`,

  'static.outside': (p: { kind: string }) =>
    `This is a link to a ${p.kind} outside the static folder; bantin only copies files inside it.`,
  'static.badName': (p: { problem: string }) => `The file name cannot be used: ${p.problem}. Rename the file.`,

  'output.unsafePath': (p: { path: string; problem: string }) =>
    `bantin will not write the file ${p.path}: ${p.problem}, so it could land outside the output folder.`,
  'output.refuse': (p: { dir: string; why: string; todo: string }) => `bantin will not write the site to ${p.dir}: ${p.why} ${p.todo}`,
  'output.todo': () => 'Choose another folder with --out.',
  'output.todoForeign': () => 'Choose another folder with --out, or move what you keep there elsewhere first.',
  'output.isFile': () => 'it is a file, not a folder.',
  'output.isRoot': () => 'it is the root of the file system.',
  'output.isHome': () => 'it is your home folder.',
  'output.holdsHome': () => 'your home folder is inside it and would be deleted.',
  'output.isSite': () => 'it is the site folder itself.',
  'output.holdsSite': () => 'the site folder is inside it and would be deleted.',
  'output.isFolder': (p: { name: string }) => `it is the ${p.name} folder.`,
  'output.holdsFolder': (p: { name: string; dir: string }) => `the ${p.name} folder ${p.dir} is inside it and would be deleted.`,
  'output.inFolder': (p: { name: string }) => `it is inside the ${p.name} folder.`,
  'output.isKept': (p: { name: string }) => `it is the site's ${p.name} folder, which the build would replace.`,
  'output.inKept': (p: { name: string }) => `it is inside the site's ${p.name} folder.`,
  'output.neverInside': (p: { name: string }) => `it is inside a ${p.name} folder, which is never a place for a site.`,
  'output.foreign': (p: { what: string }) => `it holds ${p.what}, which bantin did not write, and the build replaces the whole folder.`,
  'output.foreignGit': () => 'a git repository (.git)',
  'output.foreignFiles': (p: { names: string }) => `files such as ${p.names}`,
  'lock.busy': (p: { who: string; path: string }) =>
    `Another bantin build (${p.who}) is writing the site into this folder right now. Wait for it to finish, then build again. If no build is running, delete the lock file ${p.path}.`,
  'lock.process': (p: { pid: number; host: string; started: string }) =>
    `process ${p.pid}${p.host ? ` on ${p.host}` : ''}, started ${p.started}`,
  'lock.unknown': () => 'another process',

  'disk.failed': (p: { cause: string; code: string; doing: string; outcome: string; advice: string }) =>
    `Could not build the site: ${p.cause} (${p.code}) while ${p.doing}. ${p.outcome}${p.advice}`,
  'disk.unchanged': (p: { dir: string }) => `The previous site in ${p.dir} is unchanged.`,
  'disk.partly': (p: { dir: string }) => `Some pages in ${p.dir} may already be new; the next build rebuilds the site whole.`,
  'disk.adviceSpace': () => ' Free some space and build again.',
  'disk.advicePermission': () => ' Check that you may write to that folder and the one that holds it.',
  'disk.none': () => '',
  'disk.ENOSPC': () => 'the disk is full',
  'disk.EDQUOT': () => 'your disk quota is used up',
  'disk.EACCES': () => 'permission was denied',
  'disk.EPERM': () => 'the operation was not permitted',
  'disk.EROFS': () => 'the file system is read-only',
  'disk.ENAMETOOLONG': () => 'a file name is too long for the file system',
  'disk.EIO': () => 'the disk reported an input/output error',
  'disk.EMFILE': () => 'too many files are open',
  'disk.ENFILE': () => 'too many files are open on the system',
  'disk.ENOTDIR': () => 'a part of the path is a file, not a folder',
  'disk.EISDIR': () => 'a folder is in the way of a file',
  'disk.EBUSY': () => 'a file or folder is in use by another program',
  'disk.EXDEV': () => 'the folders are on different file systems',
  'doing.writing': (p: { path: string }) => `writing ${p.path}`,
  'doing.asideOld': () => 'moving the previous site aside',
  'doing.placeNew': () => 'moving the new site into place',
  'doing.replacing': () => 'replacing the changed pages',
  'doing.creatingParent': () => 'creating the folder that holds the site',
  'doing.locking': () => 'locking the output folder',
  'doing.recovering': () => 'removing what an interrupted build left',
  'doing.staging': () => 'creating the staging folder',

  'check.noText': () => 'The article has no text: write it below the front-matter (after the second "---").',
  'check.summaryLong': (p: { length: number; limit: number }) =>
    `The summary is ${p.length} characters long; keep it under ${p.limit} so it reads as a lead and is not cut short in search results. Move the rest into the text.`,
  'check.linkUnpublished': (p: { link: string; file: string; why: string }) =>
    `The link ${p.link} leads to ${p.file}, which is ${p.why}; until it is published the link leads nowhere.`,
  'check.draft': () => 'a draft',
  'check.scheduled': (p: { when: string }) => `scheduled for ${p.when}`,
  'check.besideArticle': (p: { what: string; link: string; suggested: string; url: string }) =>
    `The ${p.what} ${p.link} is a file beside the article in the content folder, which is not published. Move it into static/ (for example static/${p.suggested}) and write its address from the article's page: "${p.url}".`,
  'check.image': () => 'image',
  'check.link': () => 'link',
  'check.imageMissing': (p: { link: string; path: string }) =>
    `The image ${p.link} is not there: the site would look for static/${p.path}. Put the file there, or correct the address.`,
  'check.linkNowhere': (p: { link: string; path: string; suggestion: string }) =>
    `The link ${p.link} leads nowhere: the site has no page ${p.path}.${p.suggestion}`,
  'check.home': () => '(home)',
  'check.didYouMean': (p: { url: string; title: string }) => ` Did you mean "${p.url}" (${p.title})?`,
  'check.noSuggestion': () => '',

  'import.nothingThere': () => 'There is no file or folder here to import.',
  'import.outside': () => 'This article would be written outside the content folder; nothing was written.',
  'import.linkOutside': () => 'The folder for this article is a link to outside the content folder; nothing was written.',
  'import.exists': () => 'A file of this name is already there; bantin does not overwrite it. Nothing was written.',
} as const;
