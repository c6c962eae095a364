/**
 * `npm run store:tile`: the Chrome Web Store's small promo tile (440×280), drawn by
 * Chromium from a page made here with the extension's own icon, so that a new icon or
 * tagline is one command away from a new tile. Written to store/tuile-440x280.png.
 */
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer';
import { browserPath, missingBrowsers } from '../tests/support/browser-paths';

const TILE = { width: 440, height: 280, deviceScaleFactor: 1 } as const;
const OUTPUT = 'store/tuile-440x280.png';
const NAME = 'Repère BAL';
const TAGLINE = 'Sur Medimail, voyez au nom de quelle boîte vous écrivez, changez-en en un clic.';

const ICON = readFileSync('assets/icon.svg', 'utf8');

// The icon's own blue and orange, on white: the tile reads as the icon at a glance.
const PAGE = `<!doctype html>
<html lang="fr">
<meta charset="utf-8">
<style>
  html, body { margin: 0; width: ${TILE.width}px; height: ${TILE.height}px; overflow: hidden; }
  body { display: flex; align-items: center; gap: 20px; padding: 0 26px; box-sizing: border-box;
    background: linear-gradient(160deg, #ffffff 0%, #e8effa 100%); border-bottom: 10px solid #f59e0b;
    font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #163f7a; }
  svg { flex: none; width: 120px; height: 120px; }
  h1 { margin: 0 0 12px; font-size: 32px; line-height: 1.1; white-space: nowrap; }
  p { margin: 0; font-size: 17px; line-height: 1.35; color: #1f2937; }
</style>
<body>
${ICON}
<div><h1>${NAME}</h1><p>${TAGLINE}</p></div>
</body>
</html>`;

const missing = missingBrowsers(['chromium']);
if (missing) {
  console.error(missing);
  process.exitCode = 1;
} else {
  const browser = await puppeteer.launch({ executablePath: browserPath('chromium'), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setViewport(TILE);
    await page.setContent(PAGE);
    await page.screenshot({ path: OUTPUT });
    console.log(`Tuile écrite : ${OUTPUT}`);
  } finally {
    await browser.close();
  }
}
