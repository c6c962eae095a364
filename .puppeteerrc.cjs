// Browsers come from the system (Debian's chromium and firefox-esr), never from a download.
/** @type {import("puppeteer").Configuration} */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  firefox: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
};
