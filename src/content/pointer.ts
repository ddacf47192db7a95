/**
 * Calls `onFrame(x, y)` at most once per frame with the pointer's latest position, so hit testing
 * is all the work a pointer move causes; returns what removes the listener. Only the reader's own
 * moves count (`isTrusted`).
 */
export function trackPointer(onFrame: (x: number, y: number) => void): () => void {
  let queued = false;
  let x = 0;
  let y = 0;
  const onMove = (event: PointerEvent) => {
    if (!event.isTrusted) return; // a page script's pointermove moves nothing
    x = event.clientX;
    y = event.clientY;
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      onFrame(x, y);
    });
  };
  window.addEventListener('pointermove', onMove, { passive: true });
  return () => window.removeEventListener('pointermove', onMove);
}
