/**
 * Where the extension runs. Production builds cover only the Medimail portal; the
 * e2e build (`npm run build:e2e`) adds loopback so tests can load the simulator,
 * whatever its port (match patterns without a port match every port).
 * At run time the background reads the patterns back from the manifest, so the
 * code never needs to know which build it is in.
 */
export const PORTAL_MATCHES = ['https://medimail.mipih.fr/*'];

export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The portal match patterns this build was made with, read from its manifest. */
export function portalMatchesOf(manifest: { content_scripts?: { matches?: string[] }[] }): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []))];
}

/** Where to open the portal when nothing better is known. */
export const PORTAL_HOME = 'https://medimail.mipih.fr/';
