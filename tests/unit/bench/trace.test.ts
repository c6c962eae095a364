import { describe, expect, it } from 'vitest';
import { readLoadTrace, type TraceEvent } from '../../../bench/trace';

const URL = 'http://127.0.0.1:1/?m=liste';
const OURS = 'chrome-extension://abc/content-scripts/portal.js';
const isOurs = (url: string) => url.startsWith('chrome-extension://');

/** A main thread: events in microseconds from 1 000 000, on pid 1, tid 2. */
function x(name: string, ts: number, dur: number, extra: Partial<TraceEvent> = {}): TraceEvent {
  return { name, ph: 'X', pid: 1, tid: 2, ts: 1_000_000 + ts, dur, ...extra };
}

const marks: TraceEvent[] = [
  {
    name: 'navigationStart',
    ph: 'R',
    pid: 1,
    tid: 2,
    ts: 1_000_000,
    args: { frame: 'F', data: { documentLoaderURL: URL, isLoadingMainFrame: true } },
  },
  { name: 'domContentLoadedEventStart', ph: 'R', pid: 1, tid: 2, ts: 1_010_000, args: { frame: 'F' } },
];

describe('reading a load from its trace', () => {
  it('splits the main thread before DOMContentLoaded by kind, and credits the extension with its own subtree', () => {
    const trace = readLoadTrace(
      [
        ...marks,
        x('RunTask', 0, 3_000),
        // Our content script: 2 ms of which 0.5 ms forced style and 0.5 ms waited blocked.
        x('EvaluateScript', 0, 2_000, { tdur: 1_500, args: { data: { url: OURS } } }),
        x('UpdateLayoutTree', 1_000, 500),
        x('ParseHTML', 2_000, 1_000),
        // The page's own script.
        x('FunctionCall', 4_000, 1_000, { args: { data: { url: 'http://127.0.0.1:1/app.js' } } }),
        x('Layout', 6_000, 1_000),
        // After DOMContentLoaded: not counted.
        x('FunctionCall', 11_000, 1_000, { args: { data: { url: OURS } } }),
      ],
      URL,
      isOurs,
    );
    expect(trace.domContentLoaded).toBe(10);
    expect(trace.ours).toEqual({ script: 1.5, style: 0.5, layout: 0, parse: 0, gc: 0, other: 0, idle: 0, waits: 0.5 });
    expect(trace.mainThread).toEqual({ script: 2.5, style: 0.5, layout: 1, parse: 1, gc: 0, other: 0, idle: 5 });
  });

  it('says when the trace holds no such load', () => {
    expect(() => readLoadTrace([], URL, isOurs)).toThrow(/no navigation/);
  });
});
