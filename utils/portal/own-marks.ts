/**
 * What the extension itself puts in a portal page, so that what reads the page for
 * support (utils/portal/skeleton.ts) leaves it out: elements named `repere-bal-…` (the
 * banner's host), elements carrying OWN_MARK (the tab icon), and attributes
 * `data-repere-bal…` (the page marked as connected).
 */
export const OWN_TAG_PREFIX = 'repere-bal-';
export const OWN_ATTRIBUTE_PREFIX = 'data-repere-bal';
export const OWN_MARK = 'data-repere-bal-own';
