/**
 * The banner's own small DOM builder, in place of a UI library (the content script's
 * size budget, bench/). Portal names are hostile data: every text is set as text (a
 * text node or `textContent`), attributes with `setAttribute`; nothing here parses HTML.
 * Writes are skipped when the value is already there, and `sync` leaves in place the
 * children that stay, so an update touches only what changed and a focused control
 * keeps its focus.
 */

/** An attribute's value: `true` sets it empty, `false`, null and undefined remove it. */
export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Record<string, AttributeValue>;
export type Child = Node | string | number | null | undefined | false;

/** Sets attributes, each only when it changes. */
export function set(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) element.removeAttribute(name);
    else {
      const text = value === true ? '' : String(value);
      if (element.getAttribute(name) !== text) element.setAttribute(name, text);
    }
  }
}

/** Sets CSS custom properties (`--bg`…), each only when it changes. */
export function setVars(element: HTMLElement, vars: Record<`--${string}`, string>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
  }
}

/** Sets an element's text, only when it changes. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function append(parent: Element, children: Child[]): Element {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'object' ? child : String(child));
  }
  return parent;
}

/** Replaces an element's children (strings become text nodes). */
export function fill(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}

/** An HTML element with its attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (attributes) set(element, attributes);
  return append(element, children) as HTMLElementTagNameMap[K];
}

/** An SVG element with its attributes and children. */
export function svg(tag: string, attributes: Attributes, ...children: Child[]): SVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  set(element, attributes);
  return append(element, children) as SVGElement;
}

/**
 * Makes `wanted` (absent entries skipped) the children of `parent`, in order: the others
 * are removed first, then each wanted node is inserted where it is missing. A node that
 * stays is not moved unless the order requires it.
 */
export function sync(parent: Node, wanted: (Node | null | undefined | false)[]): void {
  const nodes = wanted.filter((node): node is Node => !!node);
  for (const child of [...parent.childNodes]) if (!nodes.includes(child)) parent.removeChild(child);
  nodes.forEach((node, i) => {
    const there = parent.childNodes[i] ?? null;
    if (there !== node) parent.insertBefore(node, there);
  });
}
