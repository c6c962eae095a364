/**
 * The environment of a build the tests make (`wxt build`, `wxt zip`, `npm run build:e2e`):
 * vitest sets NODE_ENV=test, which every child process inherits, and under any
 * NODE_ENV but `production` Vite takes the build for a development one (Preact then
 * brings its debugging code into the pages). The tests check what the stores receive.
 */
export const PRODUCTION_BUILD_ENV = { ...process.env, NODE_ENV: 'production' };
