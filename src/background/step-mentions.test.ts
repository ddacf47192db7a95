import { describe, expect, it } from 'vitest';
import type { CloseCardMessage, StepMentionMessage } from '../messages';
import { forgetSteps, stepMentions } from './step-mentions';

/**
 * Frames as the content scripts answer: each holds a count of mentions and steps through them as
 * engine.ts step does (from the one shown last, or from an edge); `log` is every message told.
 */
function tab(mentions: Record<number, number>) {
  const at: Record<number, number> = {};
  const log: string[] = [];
  const shown: string[] = [];
  const tellFrame = (frameId: number, message: StepMentionMessage | CloseCardMessage): Promise<unknown> => {
    if (message.type === 'close-card') {
      log.push(`close ${frameId}`);
      return Promise.resolve();
    }
    const n = mentions[frameId]!;
    const from = message.fromEdge || at[frameId] === undefined ? (message.direction > 0 ? -1 : n) : at[frameId];
    const next = from + message.direction;
    if (next < 0 || next >= n) return Promise.resolve(false);
    at[frameId] = next;
    shown.push(`${frameId}:${next}`);
    return Promise.resolve(true);
  };
  return { tellFrame, log, shown, frames: Object.keys(mentions).map(Number) };
}

describe('the next/previous-mention shortcuts across frames', () => {
  it('go through the top frame, then each frame in turn, and round again, both ways', async () => {
    const t = tab({ 0: 2, 7: 1, 3: 1 });
    forgetSteps(1);
    for (let i = 0; i < 6; i++) await stepMentions(1, 1, t.frames, t.tellFrame);
    expect(t.shown).toEqual(['0:0', '0:1', '3:0', '7:0', '0:0', '0:1']);
    // A frame that has no mention left that way closes its card before the next frame opens one.
    expect(t.log).toEqual(['close 0', 'close 3', 'close 7']);
    t.shown.length = 0;
    for (let i = 0; i < 3; i++) await stepMentions(1, -1, t.frames, t.tellFrame);
    expect(t.shown).toEqual(['0:0', '7:0', '3:0']);
  });

  it('wrap round within a page of one frame, and do nothing on a page with none', async () => {
    const t = tab({ 0: 2 });
    forgetSteps(2);
    for (let i = 0; i < 3; i++) expect(await stepMentions(2, -1, t.frames, t.tellFrame)).toBe(true);
    expect(t.shown).toEqual(['0:1', '0:0', '0:1']);
    expect(await stepMentions(3, 1, [], t.tellFrame)).toBe(false);
  });

  it('take a frame that cannot be reached (gone, or no answer) as one with no mention', async () => {
    const t = tab({ 0: 0, 6: 1 });
    forgetSteps(4);
    const failing = (frameId: number, message: StepMentionMessage | CloseCardMessage) => (frameId === 5 ? Promise.reject(new Error('no frame')) : t.tellFrame(frameId, message));
    expect(await stepMentions(4, 1, [6, 5, 0], failing)).toBe(true);
    expect(t.shown).toEqual(['6:0']);
  });
});
