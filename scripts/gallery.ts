/**
 * `npm run gallery`: the README's screenshots, taken from the e2e and sidebar suites' artifacts (run
 * `npm test` first), scaled down to at most 960 px wide (never up) by the same headless Chromium and reduced to a 256-colour
 * palette (upng-js), so the committed PNGs stay small. Nothing is drawn by hand: every picture is what a
 * test saw.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import UPNG from 'upng-js';
import { CHROMIUM_PATH, ensureBrowser } from '../test/support/browser.js';

const OUT = 'docs/gallery';
const WIDTH = 960;

/** Artifact → gallery file. The README links the gallery files by these names. */
export const GALLERY: readonly { readonly from: string; readonly to: string }[] = [
  { from: 'test-artifacts/e2e/8-dashboard-en.png', to: 'dashboard-en.png' },
  { from: 'test-artifacts/e2e/8-dashboard-ru.png', to: 'dashboard-ru.png' },
  { from: 'test-artifacts/e2e/8-dashboard-zh.png', to: 'dashboard-zh.png' },
  { from: 'test-artifacts/e2e/8-dashboard-ru-charts.png', to: 'dashboard-ru-charts.png' },
  { from: 'test-artifacts/sidebar/1-data-en.png', to: 'wizard-1-data.png' },
  { from: 'test-artifacts/sidebar/2-columns-en.png', to: 'wizard-2-columns.png' },
  { from: 'test-artifacts/sidebar/3-funnel-en.png', to: 'wizard-3-funnel.png' },
  { from: 'test-artifacts/sidebar/4-options-en.png', to: 'wizard-4-options.png' },
  { from: 'test-artifacts/sidebar/5-review-en.png', to: 'wizard-5-review.png' },
  { from: 'test-artifacts/e2e/1-grid-custom-functions.png', to: 'cell-formulas.png' },
  { from: 'test-artifacts/e2e/7-ru-grid-fidelity.png', to: 'grid-ru-semicolons.png' },
];

async function main(): Promise<void> {
  const missing = GALLERY.filter((g) => !existsSync(g.from)).map((g) => g.from);
  if (missing.length > 0) {
    console.error(`Run npm test first; missing artifacts:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  // The tests' own lookup: Debian's Chromium, installed without a prompt where possible, else the command to type.
  ensureBrowser();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 600 } });
    for (const g of GALLERY) {
      const data = readFileSync(g.from).toString('base64');
      await page.setContent(
        `<body style="margin:0"><img id="shot" style="max-width:${WIDTH}px;display:block" src="data:image/png;base64,${data}"></body>`,
      );
      await page.locator('#shot').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.locator('#shot').screenshot();
      const small = paletted(png);
      writeFileSync(join(OUT, g.to), small);
      console.log(`${g.from} → ${join(OUT, g.to)} (${Math.round(small.length / 1024)} KB)`);
    }
  } finally {
    await browser.close();
  }
}

/** The same picture with at most 256 colours: screenshots of a grid and a sidebar hold few. */
function paletted(png: Buffer): Buffer {
  const image = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  const rgba = UPNG.toRGBA8(image)[0];
  return Buffer.from(UPNG.encode([rgba], image.width, image.height, 256));
}

await main();
