import { describe, expect, it } from 'vitest';
import { inferKind, nameMatchesAddress, resolveActive } from '@/entrypoints/background/session/mailbox-identity';
import type { MailboxRecord } from '@/entrypoints/background/storage/records';
import { mailboxRecord } from '../records';

const NOEMIE = 'noemie.gallorini@esante-occitanie.fr';
const MSS = 'mss@esante-occitanie.fr';
const CARDIO = 'secretariat.cardiologie@esante-occitanie.fr';

function record(
  address: string,
  kind: MailboxRecord['kind'],
  displayName: string | null,
  extra: Partial<MailboxRecord> = {},
): MailboxRecord {
  return mailboxRecord(address, kind, { displayName, ...extra });
}

const KNOWN = [
  record(NOEMIE, 'personal', 'Noémie Gallorini'),
  record(MSS, 'organisational', 'MSS eSanté Occitanie'),
  record(CARDIO, 'organisational', 'Secrétariat de cardiologie'),
];

describe('nameMatchesAddress', () => {
  it.each([
    ['Noémie Gallorini', NOEMIE, true],
    ['GALLORINI Noémie', NOEMIE, true],
    ['Noémie Gallorini', 'n.gallorini@chu.fr', true],
    ['Jean-Marc de la Tour', 'jean-marc.latour@chu.fr', true],
    ['Jean-Marc Tour', 'jm.tour@chu.fr', false],
    ['Jean-Marc de la Tour', 'jeanmarc.tour@chu.fr', true],
    ['Cardiologie', 'cardiologie@chu.fr', false],
    ['MSS eSanté Occitanie', MSS, false],
    ['Secrétariat de cardiologie', CARDIO, true],
  ])('%s ↔ %s: %s', (name, address, expected) => {
    expect(nameMatchesAddress(name, address)).toBe(expected);
  });
});

describe('inferKind', () => {
  it('takes the login address as the personal mailbox, the others as services', () => {
    expect(inferKind(NOEMIE, 'Noémie Gallorini', NOEMIE, [])).toBe('personal');
    expect(inferKind(CARDIO, 'Secrétariat de cardiologie', NOEMIE, [])).toBe('organisational');
  });

  it('without the login, a person name fitting the address is personal, once', () => {
    expect(inferKind(NOEMIE, 'Noémie Gallorini', null, [])).toBe('personal');
    expect(inferKind('j.martin@x.fr', 'Julien Martin', null, [record(NOEMIE, 'personal', null)])).toBe(
      'organisational',
    );
  });

  it('never takes a service name for a person, even when it fits the address', () => {
    expect(inferKind(CARDIO, 'Secrétariat de cardiologie', null, [])).toBe('organisational');
  });
});

describe('resolveActive', () => {
  it('reads an address in the label as a service', () => {
    expect(resolveActive({ text: MSS, address: MSS }, [], null)).toEqual({ kind: 'organisational', address: MSS });
  });

  it('maps a name to its mailbox through what the chooser showed', () => {
    expect(resolveActive({ text: 'Secrétariat  de cardiologie', address: null }, KNOWN, null)).toEqual({
      kind: 'organisational',
      address: CARDIO,
    });
    expect(resolveActive({ text: 'Noémie Gallorini', address: null }, KNOWN, null)).toEqual({
      kind: 'personal',
      address: NOEMIE,
    });
  });

  it('maps the user’s name through the login address before anything is learnt', () => {
    expect(resolveActive({ text: 'Noémie Gallorini', address: null }, [], NOEMIE)).toEqual({
      kind: 'personal',
      address: NOEMIE,
    });
  });

  it('takes an unknown name beside a known person as an unnamed service', () => {
    expect(resolveActive({ text: 'Bloc opératoire', address: null }, KNOWN, NOEMIE)).toEqual({
      kind: 'organisational',
      address: null,
    });
  });

  it('says unknown when nothing tells', () => {
    expect(resolveActive({ text: 'Bloc opératoire', address: null }, [], null)).toEqual({
      kind: 'unknown',
      address: null,
    });
    expect(resolveActive(null, KNOWN, NOEMIE)).toEqual({ kind: 'unknown', address: null });
  });

  it('lets the user’s correction win', () => {
    const corrected = [record(MSS, 'personal', 'MSS', { kindSource: 'user' })];
    expect(resolveActive({ text: MSS, address: MSS }, corrected, NOEMIE)).toEqual({ kind: 'personal', address: MSS });
  });
});
