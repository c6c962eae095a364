/**
 * zod, configured before any schema is built (an object schema decides at construction
 * whether it may generate code): no code generated at run time, since extension pages
 * forbid eval and reviewers read what runs. The protocol's and the records' schemas
 * import `z` from here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
