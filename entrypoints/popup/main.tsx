/** The popup: wiring only (components/Popup.tsx). */
import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/ui.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
