/**
 * The simulated portal's mail sanitiser: what the contract (point 9) says a webmail
 * does to an HTML body before showing it inline, and no more. Script elements go
 * (with their content), and so does every event-handler attribute (`on…`); headings,
 * lists, links (`javascript:` ones included), tables, forms, classes, ids, aria
 * attributes, `base`, `style`… all stay, so that attack tests meet what a sender can
 * really put in front of the extension.
 *
 * happy-dom parses. The markup is written back by the walk below rather than by
 * happy-dom's `innerHTML`, which leaves `<` raw in attribute values: a browser reading
 * `<noscript><p title="</noscript><script>…">` with scripts on would then run a script
 * the sanitiser never saw. The walk escapes `<` and `>` everywhere outside tags, as
 * current browsers serialise, so what a browser parses holds no element this walk did
 * not write.
 */
import { Window } from 'happy-dom';
import { raw, type SafeHtml } from './html';
import type { Message } from './state';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Elements without an end tag or children. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content a browser reads as text up to their end tag. */
const RAW_TEXT_ELEMENTS = new Set(['style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Names a browser's tokenizer reads back as one name, and nothing more. */
const SAFE_ELEMENT_NAME = /^[a-z][^\s/>"'=<\0]*$/i;
const SAFE_ATTRIBUTE_NAME = /^[^\s/>"'=<\0]+$/;

let parser: DOMParser | undefined;

function parse(markup: string): Document {
  // Scripts, stylesheets and frames are never loaded: the document is only read.
  parser ??= new new Window({ settings: { disableJavaScriptFileLoading: true } }).DOMParser() as unknown as DOMParser;
  // Parsed as the content of a body, so that `base`, `style` or `meta` stay where they were written.
  return parser.parseFromString(`<!DOCTYPE html><body>${markup}`, 'text/html');
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

function isEventHandler(name: string): boolean {
  return name.toLowerCase().startsWith('on');
}

function serialiseChildren(parent: ParentNode): string {
  return [...parent.childNodes].map(serialiseNode).join('');
}

function serialiseNode(node: Node): string {
  if (node.nodeType === node.TEXT_NODE) {
    const parent = node.parentElement;
    const rawText = parent?.namespaceURI === HTML_NAMESPACE && RAW_TEXT_ELEMENTS.has(parent.localName.toLowerCase());
    // Raw text is written as is, bar `<`, so that it cannot end its element early.
    return rawText ? (node.textContent ?? '').replace(/</g, '&lt;') : escapeText(node.textContent ?? '');
  }
  if (node.nodeType === node.COMMENT_NODE) {
    // A comment without `<` or `>` can neither end early nor hide a tag.
    const data = node.textContent ?? '';
    return /[<>]/.test(data) ? '' : `<!--${data}-->`;
  }
  if (node.nodeType !== node.ELEMENT_NODE) return '';
  const element = node as Element;
  const name = element.namespaceURI === HTML_NAMESPACE ? element.localName.toLowerCase() : element.tagName;
  if (name.toLowerCase() === 'script' || !SAFE_ELEMENT_NAME.test(name)) return '';
  const attributes = [...element.attributes]
    .filter((attribute) => SAFE_ATTRIBUTE_NAME.test(attribute.name) && !isEventHandler(attribute.name))
    .map((attribute) => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`)
    .join('');
  if (element.namespaceURI === HTML_NAMESPACE && VOID_ELEMENTS.has(name)) return `<${name}${attributes}>`;
  const content = name === 'template' ? (element as HTMLTemplateElement).content : element;
  return `<${name}${attributes}>${serialiseChildren(content)}</${name}>`;
}

/** An HTML mail body as the portal shows it: without scripts or event attributes, all else kept. */
export function sanitiseMailHtml(html: string): string {
  return serialiseChildren(parse(html).body);
}

/** A message's body as the portal shows it inline: its HTML after the sanitiser, or its text line by line. */
export function mailBody(
  message: Pick<Message, 'html' | 'body'>,
  line: (text: string) => SafeHtml,
): SafeHtml | SafeHtml[] {
  return message.html !== undefined ? raw(sanitiseMailHtml(message.html)) : message.body.split('\n').map(line);
}
