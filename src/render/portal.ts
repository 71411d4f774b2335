// What a government portal's pages carry besides the news: the standalone pages, the HTML site
// map, the accessibility statement, and the agency's footer on every page.
import type { SiteConfig } from '../config.js';
import type { Site } from '../collect/site.js';
import type { Locale } from '../locales.js';
import type { PagePlan } from './pages.js';

type PortalPlan = Extract<PagePlan, { kind: 'page' | 'siteMap' | 'accessibility' }>;

/** What the footer of every page shows: the agency (what is set of it) and the pages marked `footer: true`. */
export function footerView(site: Site, config: SiteConfig): Record<string, unknown> {
  const agency = config.agency && Object.values(config.agency).some((value) => value !== undefined) ? config.agency : undefined;
  return {
    ...(agency && { agency }),
    footerPages: site.pages.filter((page) => page.footer).map((page) => ({ title: page.title, url: page.url })),
    openData: config.baseUrl !== undefined && config.openData.enabled,
  };
}

/** The template and what it shows, for a standalone page, the site map or the accessibility statement. */
export function portalView(plan: PortalPlan, site: Site, config: SiteConfig, locale: Locale): [string, string, Record<string, unknown>] {
  const t = locale.strings;
  switch (plan.kind) {
    case 'page':
      return ['page.njk', plan.page.title, { content: plan.page }];
    case 'siteMap': {
      const { routes } = locale;
      const indexes = [
        { title: t.allSections, url: `${routes.category}/` },
        { title: t.allTags, url: `${routes.tag}/` },
        { title: t.authors, url: `${routes.author}/` },
        { title: t.archive, url: `${routes.archive}/` },
        { title: t.search, url: `${routes.search}/` },
        { title: t.accessibilityTitle, url: `${routes.accessibility}/` },
      ];
      return ['site-map.njk', t.siteMap!, { sections: site.sections, pages: site.pages, years: site.years, indexes }];
    }
    case 'accessibility': {
      const statement = config.accessibility;
      const contact = statement.contact ?? config.agency?.email ?? config.agency?.phone;
      return ['accessibility.njk', t.accessibilityTitle!, { statement, contact, features: t.accessibilityFeatureList!.split('|') }];
    }
  }
}
