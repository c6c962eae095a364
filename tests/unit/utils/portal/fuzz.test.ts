/**
 * Property tests of the portal readers (fast-check): on random and mutated pages of
 * both renderings, a reading never throws, and never names an address that is not in
 * the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPortalPage } from '@/utils/portal/page';
import { DEFAULT_PROFILE } from '@/utils/portal/profile';
import { pageFrom } from './fixtures';

/** More with FUZZ_RUNS=… for a longer search. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const PAGES = (['classic', 'alt'] as const).flatMap((rendering) =>
  readdirSync(`tests/fixtures/portal/${rendering}`).map((file) =>
    readFileSync(`tests/fixtures/portal/${rendering}/${file}`, 'utf8'),
  ),
);

/** Every address a reading names. */
function addressesOf(reading: ReturnType<typeof readPortalPage>): string[] {
  return [
    reading.label?.address,
    ...(reading.chooser ?? []).map((entry) => entry.address),
    ...(reading.accountTable ?? []).map((row) => row.address),
  ].filter((a): a is string => typeof a === 'string');
}

/** An address is « in the page » when its text appears in the source, entities decoded, any case. */
function inPage(html: string, address: string): boolean {
  const decoded = html
    .replace(/&amp;/g, '&')
    .replace(/&#64;|&commat;/g, '@')
    .toLowerCase();
  return decoded.includes(address);
}

function check(html: string): void {
  // happy-dom's parser (a test stand-in: browsers' DOMParser never throws) chokes on a
  // few broken pages; those cases say nothing about the readers and are left out.
  let doc: Document;
  try {
    doc = pageFrom(html);
  } catch {
    fc.pre(false);
    return;
  }
  const reading = readPortalPage(doc, DEFAULT_PROFILE, { pageUrl: doc.baseURI });
  for (const address of addressesOf(reading)) expect(inPage(html, address), address).toBe(true);
}

/** A random change to a page: a piece cut, a piece repeated, junk or a stray tag put in, an early end. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<',
        '</tr>',
        '<form>',
        '"',
        '<li>',
        '@',
        '<table><tr><th>Compte par défaut</th>',
        '<a href=x>Changer de compte</a>',
        'x@y.fr',
        '\u0000',
        '<!--',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(html: string, changes: readonly Mutation[]): string {
  let out = html;
  for (const change of changes) {
    const at = out.length ? change.at % out.length : 0;
    if (change.kind === 'cut') out = out.slice(0, at) + out.slice(at + change.length);
    else if (change.kind === 'repeat') out = out.slice(0, at) + out.slice(at, at + change.length) + out.slice(at);
    else if (change.kind === 'insert') out = out.slice(0, at) + change.text + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

describe('portal readers, fuzzed', () => {
  it('never throw and never invent an address on mutated pages of both renderings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGES), fc.array(mutation, { minLength: 1, maxLength: 6 }), (page, changes) => {
        check(mutate(page, changes));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('never throw and never invent an address on random markup', () => {
    const tag = fc.constantFrom(
      'a',
      'button',
      'li',
      'tr',
      'td',
      'th',
      'form',
      'table',
      'ul',
      'h2',
      'label',
      'span',
      'div',
    );
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'Changer de compte',
        'Gérer votre compte Medimail',
        'Boîte de réception (3)',
        'Envoyer',
        'Compte par défaut',
        'Définir comme compte par défaut',
        'a.b@c.fr',
        '(12)',
        'compte actif',
      ),
    );
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((self) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        piece,
        fc
          .tuple(tag, fc.array(self('node'), { maxLength: 4 }))
          .map(([name, children]) => `<${name}${name === 'a' ? ' href="/x"' : ''}>${children.join('')}</${name}>`),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), (nodes) => {
        check(`<html><body>${nodes.join('')}</body></html>`);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
