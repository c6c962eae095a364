/**
 * The extension's console logger. Messages name what happened, never message
 * subjects, senders or other patient data (callers pass counts and addresses only).
 */
const PREFIX = '[Repère BAL]';

export const log = {
  info: (...args: unknown[]) => console.info(PREFIX, ...args),
  warn: (...args: unknown[]) => console.warn(PREFIX, ...args),
  error: (...args: unknown[]) => console.error(PREFIX, ...args),
};
