/** The popup: wiring only (components/Popup.tsx). */
import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/ui.css';
import { t } from '@/utils/i18n';

// The language the page is shown in (the browser's, when we have it; French otherwise).
document.documentElement.lang = t('language');
const root = document.getElementById('app');
if (root) render(<Popup />, root);
