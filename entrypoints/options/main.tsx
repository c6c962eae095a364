/** The options page: wiring only (components/Options.tsx). */
import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/components/ui.css';
import { t } from '@/utils/i18n';

// The language the page is shown in (the browser's, when we have it; French otherwise).
document.documentElement.lang = t('language');
const root = document.getElementById('app');
if (root) render(<Options />, root);
