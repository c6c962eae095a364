/**
 * Mailbox colours. Service mailboxes take colours from the Okabe–Ito palette, chosen
 * to stay distinguishable with the common colour-vision deficiencies; the personal
 * mailbox has a neutral light style of its own. Every colour comes with the text
 * colour (near-black or white) that gives it WCAG AA contrast. Colour is never the
 * only signal: the banner also has an icon and words.
 */

export const SERVICE_PALETTE = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#F0E442', // yellow
] as const;

/** The personal mailbox: light, calm, clearly not a service colour. */
export const PERSONAL_COLOUR = '#E8EEF5';
/** Unknown mailbox: a neutral grey that asks for attention without naming anyone. */
export const UNKNOWN_COLOUR = '#D9D9D9';

const DARK_TEXT = '#111111';
const LIGHT_TEXT = '#FFFFFF';

export const AA_CONTRAST = 4.5;

export function isHexColour(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour with the better contrast on `background`. */
export function textOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** Whether a background colour can carry text at AA contrast. */
export function isReadable(background: string): boolean {
  return isHexColour(background) && contrastRatio(background, textOn(background)) >= AA_CONTRAST;
}

/** The colour of the n-th service mailbox (in the order they were first seen). */
export function serviceColour(index: number): string {
  return SERVICE_PALETTE[
    ((index % SERVICE_PALETTE.length) + SERVICE_PALETTE.length) % SERVICE_PALETTE.length
  ] as string;
}
