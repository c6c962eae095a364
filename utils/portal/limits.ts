/**
 * The portal readers' bounds, in one place: the readers stop at them (a hostile or broken
 * page cannot make them read forever) and the schemas of what crosses the background's
 * boundary (utils/protocol/shapes.ts, views.ts) refuse anything past them. Both import
 * them from here, so neither imports the other for a number.
 */

/** Accounts read from one chooser at the most (the simulator's largest user has 31). */
export const MAX_CHOOSER_ENTRIES = 200;

/** Rows read from the « Gestion des comptes de connexion » table at the most. */
export const MAX_ACCOUNT_ROWS = 200;

/** A hint's selector, at the most (the profile's schema bounds it so: utils/protocol/shapes.ts). */
export const MAX_HINT_LENGTH = 200;

/** Deeper than this, a route is not the portal's frame (and a hostile page cannot make us walk forever). */
export const MAX_PATH_STEPS = 64;
/** Steps in a frame at the most (five routes). */
export const MAX_FRAME_STEPS = 5 * MAX_PATH_STEPS;
/** Classes kept of a frame step at the most. */
export const MAX_STEP_CLASSES = 8;
