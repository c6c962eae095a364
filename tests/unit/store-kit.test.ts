/**
 * The store kit (store/): what the Chrome Web Store and addons.mozilla.org check on
 * upload, checked here first (image sizes, summary length), the listing kept in step
 * with the extension (its description, every permission of the manifest justified), and
 * the privacy page kept what PRIVACY.md says, publishable as it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORTAL_MATCHES } from '@/utils/portal-origins';
import { renderPrivacyPage } from '../../scripts/privacy-page';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size, from its first chunk (IHDR): width then height, big-endian, after the signature. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${path} n'est pas un PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A listing's texts to paste: under each `##` heading, one ```text block, kept as it is
 * (plain text, as the stores take it); the text above the first heading is for the publisher.
 */
function listingTexts(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/^## .*$/m)
    .slice(1)
    .map((section) => {
      const text = /^```text\n([\s\S]*?)\n```$/m.exec(section.trim())?.[1];
      if (text === undefined) throw new Error(`${path} : une section sans son bloc \`\`\`text`);
      return text;
    });
}

/** The permissions wxt.config.ts asks for, as written in its `permissions: [...]` list. */
function manifestPermissions(): string[] {
  const config = readFileSync('wxt.config.ts', 'utf8');
  const list = /\n\s*permissions: \[([\s\S]*?)\n\s*\],/.exec(config)?.[1] ?? '';
  // The browser a permission is for (`browser === 'chrome'`) is no permission.
  return [...list.matchAll(/(?<!=== )'([a-zA-Z.]+)'/g)].map((match) => match[1] ?? '');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const LISTINGS = [
  { locale: 'fr', path: 'store/description-fr.md' },
  { locale: 'en', path: 'store/description-en.md' },
] as const;

const PRIVACY_PAGE = 'store/confidentialite.html';

describe('store kit', () => {
  it('has from 1 to 5 screenshots, every one a PNG of exactly 1280×800 (the Chrome Web Store takes 5)', () => {
    const files = readdirSync('store/screenshots');
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.length).toBeLessThanOrEqual(5);
    for (const file of files) {
      expect(file, file).toMatch(/^\d-[a-z-]+\.png$/);
      expect(pngSize(`store/screenshots/${file}`), file).toEqual({ width: 1280, height: 800 });
    }
  });

  it('has the small promo tile at exactly 440×280', () => {
    expect(pngSize('store/tuile-440x280.png')).toEqual({ width: 440, height: 280 });
  });

  it('refuses to read a size from what is not a PNG', () => {
    expect(() => pngSize('store/description-fr.md')).toThrow(/PNG/);
  });

  for (const { locale, path } of LISTINGS) {
    it(`gives, in ${locale}, the extension's own description as the summary, within the stores' limits`, () => {
      const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
        string,
        { message: string }
      >;
      const [summary, detailed, ...others] = listingTexts(path);
      expect(others).toEqual([]);
      expect(summary).toBe(messages.extDescription?.message);
      // Chrome Web Store: 132 characters (AMO allows 250); detailed description: 16,000.
      expect(summary?.length).toBeLessThanOrEqual(132);
      expect(detailed?.length).toBeGreaterThan(500);
      expect(detailed?.length).toBeLessThanOrEqual(16_000);
    });

    it(`justifies, in ${locale}, every permission the manifest asks for`, () => {
      const detailed = listingTexts(path)[1] ?? '';
      for (const permission of [...manifestPermissions(), ...PORTAL_MATCHES, 'https://*/*']) {
        expect(detailed, permission).toMatch(new RegExp(`^- [^\\n]*${escapeRegExp(permission)}[^\\n]*: `, 'm'));
      }
    });
  }

  it('finds the permissions in wxt.config.ts (so that the check above checks something)', () => {
    expect(manifestPermissions()).toEqual(
      expect.arrayContaining(['storage', 'alarms', 'notifications', 'idle', 'offscreen', 'scripting']),
    );
    expect(manifestPermissions()).not.toContain('chrome');
  });

  it('publishes the privacy policy as PRIVACY.md says it (npm run store:privacy rewrites it)', () => {
    expect(readFileSync(PRIVACY_PAGE, 'utf8')).toBe(renderPrivacyPage(readFileSync('PRIVACY.md', 'utf8')));
  });

  it('makes the privacy page a standalone page: languages, a title, nothing loaded, nothing run', () => {
    const html = readFileSync(PRIVACY_PAGE, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<html lang="fr">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<section lang="en"');
    expect(html).not.toMatch(/<script|<iframe|<link|<img|@import|url\(/i);
    // Links may lead away (the project, a contact); nothing is fetched to show the page.
    expect(html).not.toMatch(/\bsrc=/i);
    const page = new DOMParser().parseFromString(html, 'text/html');
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    // Every in-page link leads to a heading of the page.
    for (const link of page.querySelectorAll('a[href^="#"]')) {
      expect(page.getElementById(link.getAttribute('href')?.slice(1) ?? ''), link.outerHTML).not.toBeNull();
    }
  });

  it('writes the privacy page from Markdown, escaping text, and refuses what it does not know', () => {
    const page = renderPrivacyPage('# T\n\n## Français\n\n**Gras.** a < b et `x_y` _mot_ snake_case\n\n- un\n  deux\n');
    expect(page).toContain('<p><strong>Gras.</strong> a &lt; b et <code>x_y</code> <em>mot</em> snake_case</p>');
    expect(page).toContain('<li>un deux</li>');
    expect(() => renderPrivacyPage('# T\n\n## Deutsch\n\nText\n')).toThrow(/Deutsch/);
    expect(() => renderPrivacyPage('# T\n\n## English\n\n### Sub\n')).toThrow(/Sub/);
    expect(() => renderPrivacyPage('Pas de titre\n')).toThrow(/titre/);
  });
});
