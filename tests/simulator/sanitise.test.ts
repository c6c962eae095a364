/**
 * The simulator's mail sanitiser does what the contract says a webmail's does, and no
 * more: scripts and event attributes go, everything an attacker can use to imitate the
 * portal stays. Its output is checked by parsing it again, as the page will be.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { sanitiseMailHtml } from './sanitise';

const window = new Window();

function parsed(html: string): Element {
  const doc = new window.DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  return doc.body as unknown as Element;
}

function eventAttributes(root: Element): string[] {
  return [...root.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => attribute.name).filter((name) => /^on/i.test(name)),
  );
}

describe('sanitiseMailHtml', () => {
  it('removes script elements with their content, whatever their case or place', () => {
    const out = sanitiseMailHtml(
      '<p>avant</p><SCRIPT>alert(1)</SCRIPT><div><script src="/x.js"></script>après</div><template><script>alert(2)</script><b>t</b></template>',
    );
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain('alert');
    expect(out).toContain('<p>avant</p>');
    expect(out).toContain('<div>après</div>');
    expect(out).toContain('<template><b>t</b></template>');
  });

  it('removes every event-handler attribute and keeps the others', () => {
    const out = sanitiseMailHtml(
      '<img src="x" onerror="alert(1)"><a href="#" ONCLICK="alert(2)" onMouseOver="alert(3)" class="c" id="i" aria-label="l" role="menuitem" style="color: red" title="t">a</a><svg><a onload="x">s</a></svg>',
    );
    const body = parsed(out);
    expect(eventAttributes(body)).toEqual([]);
    const link = body.querySelector('a.c');
    expect(link?.getAttribute('id')).toBe('i');
    expect(link?.getAttribute('aria-label')).toBe('l');
    expect(link?.getAttribute('role')).toBe('menuitem');
    expect(link?.getAttribute('style')).toBe('color: red');
    expect(link?.getAttribute('title')).toBe('t');
    expect(body.querySelector('img')?.getAttribute('src')).toBe('x');
  });

  it('keeps headings, lists, links, tables, forms, inputs, buttons, base and style elements', () => {
    const source = `<base href="http://127.0.0.1:9/"><style>.x { color: red }</style><h2>Changer de compte</h2>
      <ul><li><a href="http://127.0.0.1:9/?m=comptes">a@b.fr (7 non lus)</a></li></ul>
      <table><thead><tr><th>Compte par défaut</th></tr></thead><tbody><tr><td><input type="checkbox" id="d" checked><label for="d">Définir comme compte par défaut</label></td></tr></tbody></table>
      <form method="post" action="http://127.0.0.1:9/"><input type="hidden" name="compte" value="a@b.fr"><input type="password" name="password"><input type="submit" value="Accéder"><button type="submit">Accéder</button></form>`;
    const body = parsed(sanitiseMailHtml(source));
    expect(body.querySelector('base')?.getAttribute('href')).toBe('http://127.0.0.1:9/');
    expect(body.querySelector('style')?.textContent).toBe('.x { color: red }');
    expect(body.querySelector('h2')?.textContent).toBe('Changer de compte');
    expect(body.querySelector('ul > li > a')?.getAttribute('href')).toBe('http://127.0.0.1:9/?m=comptes');
    expect(body.querySelector('th')?.textContent).toBe('Compte par défaut');
    expect((body.querySelector('input[type=checkbox]') as HTMLInputElement | null)?.checked).toBe(true);
    expect(body.querySelector('label[for=d]')).not.toBeNull();
    const form = body.querySelector('form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.getAttribute('action')).toBe('http://127.0.0.1:9/');
    expect(form?.querySelector('input[name=compte]')?.getAttribute('value')).toBe('a@b.fr');
    expect(form?.querySelectorAll('input[type=password], input[type=submit], button')).toHaveLength(3);
  });

  it('keeps javascript: links in their disguises, data: and vbscript: ones (the extension defends itself)', () => {
    const hrefs = [
      'java&#x09;script:alert(1)',
      'JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      '\njavascript:alert(1)',
      '  javascript:alert(1)',
    ];
    const source = [...hrefs, 'data:text/html,<b>x</b>', 'vbscript:x']
      .map((href) => `<a href="${href}">x</a>`)
      .join('');
    const links = [...parsed(sanitiseMailHtml(source)).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(
      links.slice(0, 5).map((href) =>
        href
          .replace(/[\t\n]/g, '')
          .trim()
          .toLowerCase(),
      ),
    ).toEqual(hrefs.map(() => 'javascript:alert(1)'));
    expect(links.slice(5)).toEqual(['data:text/html,<b>x</b>', 'vbscript:x']);
  });

  it('writes attribute values so that no element can hide in them', () => {
    const out = sanitiseMailHtml(
      '<noscript><p title="</noscript><script>alert(1)</script>">x</p></noscript><a title="<img src=x onerror=alert(1)>">y</a>',
    );
    expect(out).not.toMatch(/<script|<img/i);
    expect(parsed(out).querySelector('a')?.getAttribute('title')).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps comments only when they cannot end early or hide a tag', () => {
    expect(sanitiseMailHtml('<!-- note --><p>x</p>')).toBe('<!-- note --><p>x</p>');
    expect(sanitiseMailHtml('<!-- a <b> --><p>x</p>')).toBe('<p>x</p>');
  });

  it('keeps text as text', () => {
    expect(sanitiseMailHtml('a &lt;b&gt; &amp; c&nbsp;d')).toBe('a &lt;b&gt; &amp; c&nbsp;d');
  });
});
