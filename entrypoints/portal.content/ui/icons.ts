/** The banner's icons: decorative (the words say it all), so hidden from assistive technology. */
import type { MailboxKind } from '@/utils/protocol/shapes';
import { type Attributes, svg } from './dom';

const STROKE = { fill: 'none', stroke: 'currentColor', 'stroke-width': 2 } as const;

const shape = (tag: 'circle' | 'path', attributes: Attributes) => svg(tag, { ...attributes, ...STROKE });
const path = (d: string, round?: 'stroke-linejoin' | 'stroke-linecap') =>
  shape('path', round ? { d, [round]: 'round' } : { d });

function icon(size: number, className: string, ...shapes: SVGElement[]): SVGElement {
  const attributes = { 'aria-hidden': 'true', focusable: 'false', width: size, height: size, viewBox: '0 0 24 24' };
  return svg('svg', { ...attributes, class: className }, ...shapes);
}

/** The kind's icon (person, building, question mark), or the warning sign. */
export function kindIcon(kind: MailboxKind | 'warning'): SVGElement {
  if (kind === 'personal')
    return icon(20, 'icon', shape('circle', { cx: 12, cy: 8, r: 4 }), path('M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7'));
  if (kind === 'organisational')
    return icon(20, 'icon', path('M3 21V8l9-5 9 5v13', 'stroke-linejoin'), path('M8 21v-6h8v6M8 10h2M14 10h2'));
  if (kind === 'warning')
    return icon(
      20,
      'icon',
      path('M12 3 2 21h20L12 3z', 'stroke-linejoin'),
      path('M12 10v5M12 18h.01', 'stroke-linecap'),
    );
  return icon(
    20,
    'icon',
    shape('circle', { cx: 12, cy: 12, r: 9 }),
    path('M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7M12 17h.01', 'stroke-linecap'),
  );
}

export const CHEVRON_UP = 'M6 15l6-6 6 6';
export const CHEVRON_DOWN = 'M6 9l6 6 6-6';

/** The collapse / expand chevron; its path (`d`) is switched in place between up and down. */
export function chevronIcon(): { icon: SVGElement; path: SVGElement } {
  const chevron = path(CHEVRON_UP, 'stroke-linecap');
  chevron.setAttribute('stroke-width', '2.5');
  return { icon: icon(16, 'chevron', chevron), path: chevron };
}
