// Which sites decide whether Hashiya runs in a frame: the frame's own, and the site of its tab's
// page. A site the reader switched off is off in every frame of its tabs — its about:blank, srcdoc
// and blob: frames (which have no host of their own: they take their creator's), and the frames
// other sites put in it — and a frame of a switched-off site is off wherever it is embedded.

/** The host a document belongs to: its own, or, with none (about:blank, srcdoc, blob:), its origin's. */
export function ownSite(hostname: string, origin: string): string {
  if (hostname) return hostname;
  try {
    return new URL(origin).hostname; // an opaque origin ('null', a sandboxed frame) has none
  } catch {
    return '';
  }
}

/**
 * The sites of this frame: its own and, in a frame, its tab's page's, which only the background
 * knows for sure (`askTop`: from the tab it sees the message come from, which no page can fake).
 */
export async function frameSites(isTop: boolean, hostname: string, origin: string, askTop: () => Promise<string>): Promise<readonly string[]> {
  const own = ownSite(hostname, origin);
  if (isTop) return own ? [own] : [];
  const top = await askTop().catch(() => '');
  return [own, top].filter((site) => site !== '');
}
