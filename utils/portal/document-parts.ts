/**
 * A document's own parts, read through the DOM's own accessors rather than the
 * document's properties. An HTML document exposes its named forms, images and frames as
 * its properties, over its built-in ones: a message whose body holds `<form
 * name="documentElement">` or `<img name="body">` makes `document.documentElement` or
 * `document.body` that element, in the page and in any copy of it parsed elsewhere
 * (DOM clobbering). The accessors on the prototype chain answer what the document
 * really is.
 */

/** The value of `name`'s getter on `object`'s prototype chain (not on `object` itself), or undefined. */
export function ownAccessor<T>(object: object, name: string): T | undefined {
  for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto)) {
    const getter = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (getter) return getter.call(object) as T;
  }
  return undefined;
}

/** The document's root element, whatever its named elements are called. */
export function rootOf(doc: Document): Element | null {
  return ownAccessor<Element | null>(doc, 'documentElement') ?? null;
}

/** The document's body, whatever its named elements are called. */
export function bodyOf(doc: Document): HTMLElement | null {
  return ownAccessor<HTMLElement | null>(doc, 'body') ?? null;
}

/** The document's head, whatever its named elements are called. */
export function headOf(doc: Document): HTMLHeadElement | null {
  return ownAccessor<HTMLHeadElement | null>(doc, 'head') ?? null;
}

/**
 * The page a tab shows, read in the tab by the compatibility check: its address and its
 * HTML, through the DOM's own accessors. Self-contained: it is serialised into the tab.
 */
export function readPageInTab(): { url: string; html: string } {
  const root = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')?.get?.call(document) as Element;
  const html = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML')?.get?.call(root) as string;
  return { url: location.href, html };
}
