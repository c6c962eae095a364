/**
 * `npm run demo`, without a display: the whole tour plays, says each step, and leaves its
 * screenshots, the store's among them (their sizes: tests/unit/store-kit.test.ts).
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('chromium, the demo', () => {
  // As long as the demo itself is given: on a busy machine the tour takes more than the usual minute.
  it('plays the tour headless and saves its screenshots', { timeout: 120_000 }, async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'demo/run.ts'], {
      env: { ...process.env, CI: 'true', DEMO_PORT: '0', DISPLAY: '' },
      timeout: 120_000,
    });
    expect(stdout).toContain('Vous échangez en votre nom (Noémie Gallorini)');
    expect(stdout).toContain('Vous échangez au nom du service Secrétariat de cardiologie');
    expect(stdout).toContain('1 nouveau message — MSS eSanté Occitanie');
    expect(stdout).toContain('Message envoyé une seule fois, au nom de secretariat.cardiologie@esante-occitanie.fr');
    expect(stdout).toContain('Vérification de compatibilité (page de réglages) : 8 points du contrat présents sur 8.');
    expect(readdirSync('demo-output').filter((file) => file.endsWith('.png')).length).toBeGreaterThanOrEqual(7);
    expect(readdirSync('demo-output/store').sort()).toEqual(readdirSync('store/screenshots').sort());
  });
});
