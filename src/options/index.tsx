import { render } from 'preact';
import './options.css';
import { localiseDocument } from '../ui/i18n';
import { Options } from './Options';

localiseDocument(document);
const root = document.getElementById('root');
if (root) render(<Options />, root);
