/**
 * A document's own parts, read past the names a message gives its elements
 * (utils/portal/document-parts.ts). A browser exposes a document's named forms and
 * images as its own properties, over its built-in ones; the accessors on its prototype
 * chain still answer what the document is. The real page, clobbered in real browsers,
 * is read by the compatibility check in tests/e2e/compatibility.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { ownAccessor } from '@/utils/portal/document-parts';

class FakeDocument {
  get documentElement(): string {
    return 'the root';
  }
}

describe('own accessors', () => {
  it('answer through the prototype chain, not the named element standing over them', () => {
    const doc = new FakeDocument();
    Object.defineProperty(doc, 'documentElement', { value: 'a message’s form' });
    expect(doc.documentElement).toBe('a message’s form');
    expect(ownAccessor(doc, 'documentElement')).toBe('the root');
    expect(ownAccessor(doc, 'body')).toBeUndefined();
  });
});
