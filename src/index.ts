// bantin's programmatic API: what the CLI calls and what tests call.
export { build, type BuildOptions, type BuildResult } from './build.js';
export { BantinError, BuildFailure } from './errors.js';
export { MemoryWriter, DiskWriter, type Writer } from './output/writer.js';
export { defaultConfig, parseConfig, type SiteConfig } from './config.js';
export type { Article } from './content/article.js';
export type { PublishedAt } from './content/dates.js';
export { say, type Message } from './messages/index.js';
