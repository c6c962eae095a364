/** What the send guard asks and what the tab's title says, for each state of the page. */
import { describe, expect, it } from 'vitest';
import { guardRequestFor } from '@/entrypoints/portal.content/send-guard';
import { faviconFor, titlePrefix } from '@/entrypoints/portal.content/tab-marker';
import {
  AA_CONTRAST,
  contrastRatio,
  isReadable,
  PERSONAL_COLOUR,
  SERVICE_PALETTE,
  textOn,
  UNKNOWN_COLOUR,
} from '@/utils/colours';
import { portalView } from './views';

describe('guardRequestFor', () => {
  it('names the service and its address', () => {
    expect(guardRequestFor(portalView({}))).toMatchObject({
      message: 'Ce message partira au nom du service Secrétariat de cardiologie (cardio@chu.fr).',
      confirmLabel: 'Envoyer au nom du service',
      canSilence: true,
      address: 'cardio@chu.fr',
    });
  });

  it('lets the personal mailbox send without asking, unless marked', () => {
    expect(guardRequestFor(portalView({ kind: 'personal', confirmBeforeSend: false }))).toBeNull();
    expect(guardRequestFor(portalView({ kind: 'personal', name: 'Noémie', confirmBeforeSend: true }))?.message).toBe(
      'Ce message partira en votre nom (Noémie).',
    );
  });

  it('offers no « ne plus demander » when the organisation sets the confirmation', () => {
    expect(guardRequestFor(portalView({ confirmLocked: true }))?.canSilence).toBe(false);
    expect(
      guardRequestFor(portalView({ kind: 'personal', confirmBeforeSend: true, confirmLocked: true })),
    ).toMatchObject({ canSilence: false });
  });

  it('respects a service mailbox the user chose not to confirm', () => {
    expect(guardRequestFor(portalView({ confirmBeforeSend: false }))).toBeNull();
  });

  it('always asks, naming the server’s mailbox, on a stale tab', () => {
    const request = guardRequestFor(
      portalView({ confirmBeforeSend: false }, { stale: { address: 'mss@chu.fr', name: 'MSS' } }),
    );
    expect(request?.message).toContain('au nom de MSS');
    expect(request?.canSilence).toBe(false);
  });

  it('asks when the mailbox is unknown or not read yet', () => {
    expect(guardRequestFor(null)?.message).toContain('pas pu être reconnue');
    expect(guardRequestFor(portalView({ kind: 'unknown', address: null }))?.canSilence).toBe(false);
  });
});

describe('titlePrefix', () => {
  it('names the mailbox, shortly', () => {
    expect(titlePrefix(portalView({ kind: 'personal' }))).toBe('[Personnel] ');
    expect(titlePrefix(portalView({}))).toBe('[Secrétariat de cardiologie] ');
    expect(titlePrefix(portalView({ name: 'Un nom de service vraiment beaucoup trop long' }))).toBe(
      '[Un nom de service vraiment …] ',
    );
    expect(titlePrefix(portalView({ kind: 'unknown' }))).toBe('[BAL ?] ');
    expect(titlePrefix(null)).toBe('');
    expect(titlePrefix(portalView({}, { stale: { address: null, name: null } }))).toBe('[⚠] ');
  });

  it('makes an icon in the mailbox colour', () => {
    expect(decodeURIComponent(faviconFor('#0072B2', '#FFFFFF'))).toContain('fill="#0072B2"');
  });
});

describe('colours', () => {
  it('every palette colour, the personal and the unknown style carry text at AA contrast', () => {
    for (const colour of [...SERVICE_PALETTE, PERSONAL_COLOUR, UNKNOWN_COLOUR]) {
      expect(contrastRatio(colour, textOn(colour)), colour).toBeGreaterThanOrEqual(AA_CONTRAST);
      expect(isReadable(colour)).toBe(true);
    }
  });

  it('refuses what is not a colour', () => {
    expect(isReadable('red')).toBe(false);
  });
});
