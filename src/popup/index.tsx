import { render } from 'preact';
import './popup.css';
import browser from 'webextension-polyfill';
import type { GetTabStateMessage, TabState } from '../messages';
import { localiseDocument } from '../ui/i18n';
import { Popup } from './Popup';

async function activeTabState(): Promise<TabState | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const message: GetTabStateMessage = { type: 'get-tab-state', tabId: tab.id };
  const state = await browser.runtime.sendMessage<GetTabStateMessage, TabState>(message);
  return state.frames > 0 ? state : null;
}

localiseDocument(document);
const root = document.getElementById('root');
if (root) {
  const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());
  render(<Popup state={null} onOpenOptions={openOptions} />, root);
  void activeTabState().then((state) => render(<Popup state={state} onOpenOptions={openOptions} />, root));
}
