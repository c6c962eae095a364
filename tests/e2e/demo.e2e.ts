/** `npm run demo`, without a display: the whole tour plays, says each step, and leaves its screenshots. */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('chromium, the demo', () => {
  it('plays the tour headless and saves its screenshots', async () => {
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
  });
});
