import { expect, it } from 'vitest';
import type { Pack } from '../../src/data/pack-schema';
import bundled from '../../src/data/packs/sharaa-moscow-2025.json';
import type { TestPage } from './harness/browsers';
import { waitForPageRead } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { CARD, type CardRef, cardAxeViolations, middle, rectsOf, revealCard, waitForCard } from './card-page';

// The card's place map frames the place wherever it is: for every place of the bundled pack with a
// point, its card's map has the point inside the picture and countries drawn in view (Moscow is
// not marked off the edge of a map of the Levant), the label inside too; a card of anyone else has
// no map; and axe-core finds nothing wrong with a card that has one.

const pack = bundled as Pack;
/** The places with a point; places.html names each in a paragraph of its id. */
const PLACES = pack.entities.filter((e) => e.type === 'place' && e.coordinates);

/** The open card's map as the browser lays it out: its viewBox and what falls inside it. */
function readMap(page: TestPage) {
  return page.evaluate((key) => {
    const { root } = (window as unknown as Record<string, CardRef>)[key]!;
    const svg = root.querySelector<SVGSVGElement>('.map svg');
    if (!svg) return { map: false, section: root.querySelector('section[aria-label]') !== null } as const;
    const view = svg.viewBox.baseVal;
    const inView = (b: DOMRect, margin = 0) => b.x >= view.x + margin && b.y >= view.y + margin && b.x + b.width <= view.x + view.width - margin && b.y + b.height <= view.y + view.height - margin;
    const overlaps = (b: DOMRect) => b.x < view.x + view.width && b.x + b.width > view.x && b.y < view.y + view.height && b.y + b.height > view.y && b.width * b.height > 0;
    const points = [...svg.querySelectorAll<SVGCircleElement>('circle.point')];
    const paths = [...svg.querySelectorAll<SVGPathElement>('path')];
    const shown = svg.getBoundingClientRect();
    return {
      map: true,
      role: svg.getAttribute('role'),
      label: svg.getAttribute('aria-label'),
      direction: getComputedStyle(svg).direction,
      aspect: view.width / view.height,
      drawnAspect: shown.width / shown.height,
      points: points.length,
      // The point and its whole circle inside the picture, a tenth of the map's height from its edges.
      pointInside: points.length === 1 && inView(points[0]!.getBBox(), view.height / 10),
      pathsInView: paths.filter((p) => overlaps(p.getBBox())).length,
      labelInside: inView(svg.querySelector('text')!.getBBox()),
      labelText: svg.querySelector('text')!.textContent,
    } as const;
  }, CARD);
}

async function openOn(page: TestPage, id: string, text: string, entity: string) {
  const [r] = await rectsOf(page, id, text);
  await page.mouse.click(...middle(r!));
  await waitForCard(page, entity);
  await revealCard(page);
}

forEachBrowser('card place map', (browser) => {
  it('frames every place of the bundled pack with its point inside and countries in view; no map for a person', async () => {
    expect(PLACES.map((p) => p.id)).toEqual(expect.arrayContaining(['moscow', 'russia', 'damascus', 'syria']));
    const page = await browser().open('/fixtures/places.html');
    await waitForPageRead(browser(), page);
    const names = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('p[id]')].map((p) => [p.id, p.textContent])));
    for (const place of PLACES) {
      // The English name, or the alias the paragraph uses for it.
      const said = [place.name.en, ...place.aliases.map((a) => a.text)].find((n) => names[place.id]?.includes(n))!;
      await openOn(page, place.id, said, place.id);
      const map = await readMap(page);
      expect(map, place.id).toMatchObject({ map: true, role: 'img', label: `Map: ${place.name.en}`, direction: 'ltr', aspect: 2, points: 1, pointInside: true, labelInside: true, labelText: place.name.en });
      if (map.map) {
        expect(map.drawnAspect, place.id).toBeCloseTo(2, 1);
        expect(map.pathsInView, `${place.id}: countries drawn in view`).toBeGreaterThanOrEqual(3);
      }
      await page.keyboard.press('Escape');
      await waitForCard(page, null);
    }

    await openOn(page, 'person', 'Putin', 'vladimir-putin');
    expect(await readMap(page)).toEqual({ map: false, section: false });
    await page.close();
  });

  it('axe-core finds no violations on a card with its map (Moscow)', async () => {
    const page = await browser().open('/fixtures/places.html');
    await waitForPageRead(browser(), page);
    await openOn(page, 'moscow', 'Moscow', 'moscow');
    expect(await readMap(page)).toMatchObject({ map: true, pointInside: true });
    expect(await cardAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
