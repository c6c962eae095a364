/**
 * The banner's styles, inside its shadow root (nothing leaks either way). Inline, not
 * a file to fetch, so that the banner is styled from its very first paint. Heights
 * are fixed (44 px, 20 px collapsed) so that what the banner says never moves the page.
 */
export const BANNER_CSS = `
:host {
  display: block !important;
  position: relative !important;
  z-index: 2147483000 !important;
  margin: 0 !important;
  padding: 0 !important;
}
/* The isolated element is an <html><body> of its own: no user-agent margins. */
html, body { display: block; margin: 0; padding: 0; }
* { box-sizing: border-box; }
.bar {
  display: flex; align-items: center; gap: 10px;
  height: 44px; padding: 0 10px 0 12px;
  background: var(--bg); color: var(--fg);
  font: 14px/1.25 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  border-bottom: 2px solid rgba(0, 0, 0, 0.35);
  border-left: 8px solid var(--edge);
  overflow: visible; position: relative;
}
.bar.collapsed { height: 20px; font-size: 12px; gap: 6px; border-left-width: 4px; }
.bar.collapsed .icon { width: 14px; height: 14px; }
.icon { flex: none; }
.message {
  flex: 1 1 auto; min-width: 0;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.message strong { font-weight: 700; }
.detail { margin-left: 6px; }
.notice { display: inline-flex; align-items: center; gap: 6px; font-weight: 700; }
.controls { display: flex; align-items: center; gap: 6px; flex: none; max-width: 55%; }
button {
  font: inherit; color: inherit; background: transparent;
  border: 1px solid currentColor; border-radius: 4px;
  height: 28px; padding: 0 8px; cursor: pointer;
  display: inline-flex; align-items: center; gap: 4px;
  max-width: 240px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.bar.collapsed button { height: 18px; padding: 0 4px; border: 0; }
button:hover { background: rgba(127, 127, 127, 0.18); }
button:focus-visible, input:focus-visible { outline: 3px solid var(--fg); outline-offset: 1px; }
button:disabled { cursor: progress; }
.switch-name { overflow: hidden; text-overflow: ellipsis; }
.badge {
  flex: none; min-width: 18px; padding: 0 5px; border-radius: 9px;
  background: var(--fg); color: var(--bg); font-size: 12px; font-weight: 700; text-align: center;
}
.swatch {
  flex: none; width: 11px; height: 11px; border-radius: 50%;
  background: var(--swatch); border: 1px solid currentColor;
}
.menu {
  min-inline-size: 0;
  position: absolute; top: 100%; right: 8px; z-index: 1;
  width: min(380px, calc(100vw - 16px)); max-height: 60vh; overflow: auto;
  margin-top: 2px; padding: 6px;
  background: #ffffff; color: #111111;
  border: 1px solid #6b6b6b; border-radius: 6px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  --fg: #111111; --bg: #ffffff;
}
.menu input {
  width: 100%; height: 30px; margin-bottom: 6px; padding: 0 8px;
  font: inherit; color: #111111; background: #ffffff; border: 1px solid #6b6b6b; border-radius: 4px;
}
.menu ul { list-style: none; margin: 0; padding: 0; }
.menu button { width: 100%; max-width: none; height: auto; min-height: 32px; border: 0; justify-content: flex-start; text-align: left; }
.menu button:hover, .menu button:focus-visible { background: #e8eef5; }
.menu .switch-name { flex: 1 1 auto; }
.menu .address { display: block; font-size: 12px; color: #3d3d3d; }
.menu .empty { padding: 6px 8px; }
.overlay {
  position: fixed; inset: 0; z-index: 2147483001;
  display: flex; align-items: center; justify-content: center;
  background: rgba(0, 0, 0, 0.45);
}
.dialog {
  width: min(480px, calc(100vw - 32px)); padding: 20px 22px;
  background: #ffffff; color: #111111; border-radius: 8px;
  border-top: 10px solid var(--bg);
  box-shadow: 0 10px 40px rgba(0, 0, 0, 0.35);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  --fg: #111111;
}
.dialog h2 { margin: 0 0 8px; font-size: 18px; }
.dialog p { margin: 0 0 12px; }
.dialog label { display: flex; gap: 8px; align-items: center; margin-bottom: 14px; font-size: 14px; }
.dialog .actions { display: flex; justify-content: flex-end; gap: 10px; }
.dialog button { height: 34px; padding: 0 14px; max-width: none; }
.dialog button.primary { background: #0b3d91; color: #ffffff; border-color: #0b3d91; font-weight: 700; }
.dialog button.primary:hover { background: #082c69; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
