/** Chrome's offscreen API as tests need it: one document at a time, with Chrome's own errors. */
import { vi } from 'vitest';
import type { OffscreenApi } from '@/entrypoints/background/offscreen-document';

export function fakeOffscreen() {
  let open = false;
  return {
    createDocument: vi.fn<OffscreenApi['createDocument']>(async () => {
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
    }),
    closeDocument: vi.fn(async () => {
      if (!open) throw new Error('No current offscreen document.');
      open = false;
    }),
    hasDocument: async () => open,
  };
}
