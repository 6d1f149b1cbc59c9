// The cheat sheet printed: the HTML rendered in headless Chromium (the one the integration tests use)
// and printed to PDF; the example notes fit on at most two pages, every story title is in the PDF's
// text, and page 1 is saved as a PNG in test-results/ to look at.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { analyze } from '../../src/core/index';
import { groupSheet, sheetHtml, sheetStories } from '../../src/core/sheet/index';

// The Chromium the integration tests use (same variable as their runner). The unit suite never
// installs it (that downloads hundreds of MB mid-suite): .ci/run installs it with the integration
// runner's install step before `npm test`, so in CI a missing browser is a failure; on a developer's
// machine without it the test is skipped and says why (`npm run test:integration` installs it).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL_SCRIPT = join('scripts', 'code-server', 'install.sh');
const OUT = join('test-results', 'sheet');

/** The text of each page of a PDF, read with PDF.js. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('sheet: printed by Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async function () {
    if (!existsSync(CHROMIUM)) {
      const why = `${CHROMIUM} is missing: \`bash ${INSTALL_SCRIPT}\` (or \`npm run test:integration\`) installs it`;
      if (process.env.CI) throw new Error(`${why}; .ci/run should have before the tests`);
      console.log(`    sheet print test skipped: ${why}`);
      this.skip();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  after(async () => browser?.close());

  for (const paper of ['a4', 'letter'] as const) {
    it(`examples/notes.md, every story, on ${paper === 'a4' ? 'A4' : 'Letter'}: at most two pages, every title in the PDF`, async () => {
      const text = readFileSync('examples/notes.md', 'utf8');
      const stories = sheetStories(text, analyze(text));
      const html = sheetHtml(groupSheet(stories, { include: 'all' }), { title: 'Interview cheat sheet', paper });
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const pages = await pdfPages(new Uint8Array(pdf));
        assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
        const all = flat(pages.join(' '));
        for (const s of stories) assert.ok(all.includes(flat(s.title)), `“${s.title}” is not in the PDF`);
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `examples-${paper}.pdf`), pdf);
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: join(OUT, `examples-${paper}-page1.png`), clip: { x: 0, y: 0, width: 794, height: 1123 } });
      } finally {
        await page.close();
      }
    });
  }
});
