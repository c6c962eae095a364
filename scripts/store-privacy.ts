/**
 * `npm run store:privacy`: writes store/confidentialite.html from PRIVACY.md (see
 * privacy-page.ts). Run it after every change to PRIVACY.md; the store-kit test fails
 * until the page says the same again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderPrivacyPage } from './privacy-page';

const PRIVACY_PAGE = 'store/confidentialite.html';

writeFileSync(PRIVACY_PAGE, renderPrivacyPage(readFileSync('PRIVACY.md', 'utf8')));
console.log(`Politique de confidentialité écrite : ${PRIVACY_PAGE}`);
