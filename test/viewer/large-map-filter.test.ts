// A community filter on a generated large map (12,000 accounts, opening on its community overview),
// in a real browser: sigma then holds that community's accounts alone, not the whole map, and the
// camera frames them.
import type { SerializedGraph } from 'graphology-types';
import type { Browser, Page } from 'playwright-core';
import { benchMap, withClusteredPositions } from '../../bench/store-map.js';
import type { RunningServer } from '../../packages/api/src/index.js';
import { describeInBrowser, startViewerServer } from './browser.js';

const ACCOUNTS = 12_000;

/** Reads a data attribute of the map's container. */
const stageData = (page: Page, name: 'held') =>
  page.evaluate(
    (key) => (document.querySelector('.sigma-container') as HTMLElement).dataset[key] ?? '',
    name,
  );

/** The centre of a community's accounts in sigma's framed coordinates. */
function framedCentre(
  nodes: SerializedGraph['nodes'],
  community: number,
): { x: number; y: number } {
  const xs = nodes.map((node) => node.attributes?.x as number);
  const ys = nodes.map((node) => node.attributes?.y as number);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const side = Math.max(maxX - minX, maxY - minY);
  const members = nodes.filter((node) => node.attributes?.community === community);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    x: 0.5 + (mean(members.map((node) => node.attributes?.x as number)) - (minX + maxX) / 2) / side,
    y: 0.5 + (mean(members.map((node) => node.attributes?.y as number)) - (minY + maxY) / 2) / side,
  };
}

describeInBrowser('a community filter on a large map', () => {
  let server: RunningServer;
  let browser: Browser;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ server, browser, close } = await startViewerServer('kolmap-large-map-filter-'));
  }, 120_000);

  afterAll(() => close());

  it("gives sigma the community's accounts alone and frames them", async () => {
    const generated = withClusteredPositions(
      benchMap('Generated 12k map', { accounts: ACCOUNTS, interactions: 60_000 }),
    );
    const { id } = await server.store.maps.save(generated);
    const community = 7;
    const size = generated.graph.nodes.filter(
      (node) => node.attributes?.community === community,
    ).length;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${server.url}/maps/${id}`);
      await page.locator('.stage[data-state="ready"]').waitFor({ timeout: 120_000 });
      await page.waitForFunction(
        "performance.getEntriesByName('kolmap:links-drawn').length > 0",
        undefined,
        { timeout: 120_000 },
      );
      // The overview: sigma holds a few hundred top accounts, not the map.
      expect(Number(await stageData(page, 'held'))).toBeLessThan(1_000);

      await page.getByRole('tab', { name: 'Filters' }).click();
      await page.locator(`#filter-communities-${community}`).check();
      await page
        .locator('.stage-status', { hasText: `${size.toLocaleString('en')} of 12,000` })
        .waitFor();
      await page.waitForFunction(
        (expected) =>
          (document.querySelector('.sigma-container') as HTMLElement).dataset.held ===
          String(expected),
        size,
        { timeout: 30_000 },
      );
      // Framed: the camera comes close, onto the community's centre (in sigma's framed coordinates:
      // the map's extent scaled into 0–1, its longer side whole, centred).
      await page.waitForURL(
        (url) => Number(url.searchParams.get('camera')?.split(',')[2] ?? 1) < 0.5,
        { timeout: 10_000 },
      );
      await page.waitForTimeout(800);
      const [x, y, ratio] = (new URL(page.url()).searchParams.get('camera') as string)
        .split(',')
        .map(Number) as [number, number, number];
      const centre = framedCentre(generated.graph.nodes, community);
      expect(Math.abs(x - centre.x)).toBeLessThan(ratio / 2);
      expect(Math.abs(y - centre.y)).toBeLessThan(ratio / 2);
    } finally {
      await page.close();
    }
  }, 180_000);
});
