/**
 * Where the renderer's main thread spends a page load before DOMContentLoaded, read from
 * a Chromium trace (the Performance panel's events): its time by kind (script, style,
 * layout, parsing, other, idle), and the part that is the extension's own (its content
 * script's evaluation and callbacks, what they force, and how long they wait blocked).
 * Pure: events in, figures out (tested on a small trace in tests/unit/bench/).
 */

/** The categories a trace needs for this reading. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Thread (CPU) time, microseconds: less than `dur` when the thread waited. */
  tdur?: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; frame?: string };
}

export type Kind = 'script' | 'style' | 'layout' | 'parse' | 'gc' | 'other';
export const KINDS: Kind[] = ['script', 'style', 'layout', 'parse', 'gc', 'other'];

const KIND_OF: Record<string, Kind> = {
  EvaluateScript: 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'v8.compile': 'script',
  'v8.compileModule': 'script',
  'v8.run': 'script',
  'v8.callFunction': 'script',
  'v8.evaluateModule': 'script',
  'v8.produceCache': 'script',
  FireIdleCallback: 'script',
  FireAnimationFrame: 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'layout',
  Paint: 'layout',
  Layerize: 'layout',
  UpdateLayer: 'layout',
  Commit: 'layout',
  ParseHTML: 'parse',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
};

/** Milliseconds by kind. */
export type Breakdown = Record<Kind | 'idle', number>;

export interface LoadTrace {
  /** From navigation start, ms. */
  domContentLoaded: number;
  /** The main thread before DOMContentLoaded, by kind. */
  mainThread: Breakdown;
  /** The extension's own events before DOMContentLoaded: their time by kind, and their waits. */
  ours: Breakdown & { waits: number };
}

const empty = (): Breakdown => ({ script: 0, style: 0, layout: 0, parse: 0, gc: 0, other: 0, idle: 0 });

/** The URL an event's script came from, when it says. */
function scriptUrl(event: TraceEvent): string {
  const data = event.args?.data;
  const url = data?.url ?? data?.fileName ?? event.args?.fileName;
  return typeof url === 'string' ? url : '';
}

/**
 * The main thread's time before DOMContentLoaded for the main-frame load of `url` (the
 * last one in the trace); `isOurs` says which script URLs are the extension's.
 */
export function readLoadTrace(events: TraceEvent[], url: string, isOurs: (scriptUrl: string) => boolean): LoadTrace {
  const start = events
    .filter(
      (e) =>
        e.name === 'navigationStart' &&
        e.args?.data?.documentLoaderURL === url &&
        e.args?.data?.isLoadingMainFrame === true,
    )
    .at(-1);
  if (!start) throw new Error(`no navigation to ${url} in the trace`);
  const frame = start.args?.frame;
  // The frame's last: a new tab's first, empty document has its own before.
  const dcl = events
    .filter((e) => e.name === 'domContentLoadedEventStart' && e.args?.frame === frame && e.ts >= start.ts)
    .at(-1);
  if (!dcl) throw new Error(`no DOMContentLoaded for ${url} in the trace`);
  const thread = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => e.ts >= start.ts && e.ts < dcl.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const mainThread = empty();
  const ours = { ...empty(), waits: 0 };
  // Self time: an event's duration less its children's, each child credited to its own kind.
  const stack: { event: TraceEvent; end: number; children: number; ours: boolean }[] = [];
  let busyUntil = start.ts;
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (!done) break;
      const kind = KIND_OF[done.event.name] ?? 'other';
      const self = Math.max(0, Math.min(done.end, dcl.ts) - done.event.ts - done.children) / 1000;
      mainThread[kind] += self;
      if (done.ours) ours[kind] += self;
      const parent = stack.at(-1);
      if (parent) parent.children += Math.min(done.end, dcl.ts) - done.event.ts;
    }
  };
  for (const event of thread) {
    close(event.ts);
    const end = event.ts + (event.dur ?? 0);
    const parent = stack.at(-1);
    const isOwn = (KIND_OF[event.name] === 'script' && isOurs(scriptUrl(event))) || (parent?.ours ?? false);
    if (isOwn && !parent?.ours && event.tdur !== undefined)
      ours.waits += Math.max(0, (event.dur ?? 0) - event.tdur) / 1000;
    if (!parent) {
      mainThread.idle += Math.max(0, event.ts - busyUntil) / 1000;
      busyUntil = Math.max(busyUntil, Math.min(end, dcl.ts));
    }
    stack.push({ event, end, children: 0, ours: isOwn });
  }
  close(Number.POSITIVE_INFINITY);
  mainThread.idle += Math.max(0, dcl.ts - busyUntil) / 1000;
  return { domContentLoaded: (dcl.ts - start.ts) / 1000, mainThread, ours };
}
