/** The options page: wiring only (components/Options.tsx). */
import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/components/ui.css';

const root = document.getElementById('app');
if (root) render(<Options />, root);
