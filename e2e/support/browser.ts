import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { artifactPath } from './paths';

/** Debian's chromium package; never `npx playwright install` (STACK.md). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface PageOptions {
  /** Share cookies and storage with an existing context (several tabs of one browser profile). */
  context?: BrowserContext;
}

/** A page in a fresh context (axe needs one from `browser.newContext()`), Japanese locale, desktop size. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context =
    options.context ?? (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 860 } }));
  const page = await context.newPage();
  return { context, page };
}

/** WCAG 2.x A/AA rules (SPEC G5: JIS X 8341-3 / WCAG 2.1 AA, plus 2.2 where axe has rules). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now; fails on serious or critical violations and prints them. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !blocking.includes(v));
  const describe = (list: typeof results.violations) =>
    list
      .map(
        (v) =>
          `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${v.nodes
            .slice(0, 5)
            .map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
            .join('\n')}`,
      )
      .join('\n');
  if (minor.length > 0) console.warn(`[axe] ${label}: ${minor.length} minor/moderate finding(s)\n${describe(minor)}`);
  if (blocking.length > 0) {
    const report = describe(blocking);
    console.error(`[axe] ${label}: ${blocking.length} serious/critical violation(s)\n${report}`);
    throw new Error(`Accessibility violations on ${label}:\n${report}`);
  }
}

/** Full-page screenshot into e2e/artifacts/<name>.png (gitignored) for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = artifactPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the locator is visible (playwright-core has no auto-waiting `expect`). */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Waits until the locator is gone or hidden. */
export async function hidden(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}
