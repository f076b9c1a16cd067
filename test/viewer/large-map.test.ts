// A generated large map (12,000 accounts, opening on its community overview) in a real browser:
// zoomed in, sigma holds the accounts in view rather than the whole map; a community filter leaves
// it that community's accounts alone, and the camera frames them; after a layout the overview's
// discs are where the accounts went.
import type { SerializedGraph } from 'graphology-types';
import type { Browser, Page } from 'playwright-core';
import { benchMap, withClusteredPositions } from '../../bench/store-map.js';
import type { RunningServer } from '../../packages/api/src/index.js';
import { describeInBrowser, startViewerServer } from './browser.js';

const ACCOUNTS = 12_000;

/** Reads a data attribute of the map's container. */
const stageData = (page: Page, name: 'held' | 'largestDiscs') =>
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

describeInBrowser('a large map', () => {
  let server: RunningServer;
  let browser: Browser;
  let close: () => Promise<void> = async () => {};
  const generated = withClusteredPositions(
    benchMap('Generated 12k map', { accounts: ACCOUNTS, interactions: 60_000 }),
  );
  let mapId: string;

  beforeAll(async () => {
    ({ server, browser, close } = await startViewerServer('kolmap-large-map-'));
    mapId = (await server.store.maps.save(generated)).id;
  }, 120_000);

  afterAll(() => close());

  /** Opens the map on its overview, once a frame with its links is drawn. */
  const openMap = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/maps/${mapId}`);
    await page.locator('.stage[data-state="ready"]').waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      "performance.getEntriesByName('kolmap:links-drawn').length > 0",
      undefined,
      { timeout: 120_000 },
    );
    // The overview: sigma holds a few hundred top accounts, not the map.
    expect(Number(await stageData(page, 'held'))).toBeLessThan(1_000);
    return page;
  };

  it('gives sigma the accounts in view, not the whole map, once zoomed in', async () => {
    const page = await openMap();
    try {
      const box = (await page.locator('.sigma-container').boundingBox()) as {
        x: number;
        y: number;
        width: number;
        height: number;
      };
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
      // Five notches: about a third of the map's side in view, past the overview.
      for (let notch = 0; notch < 5; notch++) await page.mouse.wheel(0, -100);
      await page.waitForFunction(
        () => {
          const container = document.querySelector('.sigma-container') as HTMLElement;
          return Number(container.dataset.held) > 1_000 && container.dataset.discs === '0';
        },
        undefined,
        { timeout: 30_000 },
      );
      // Those in view and a margin: far fewer than the map's.
      expect(Number(await stageData(page, 'held'))).toBeLessThan(ACCOUNTS / 2);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('draws the overview where the accounts are after a layout', async () => {
    const page = await openMap();
    try {
      const before = await stageData(page, 'largestDiscs');
      const button = page.getByRole('button', { name: 'Run layout' });
      await button.click();
      await page.getByRole('button', { name: 'Stop layout' }).waitFor();
      await button.waitFor({ timeout: 120_000 });
      // The overview follows the accounts within OVERVIEW_MOVED_MS (500 ms), then a frame.
      await page.waitForTimeout(1_000);
      const discs = (json: string) =>
        (JSON.parse(json) as Array<{ label: string; circle: [number, number, number] }>).map(
          ({ label, circle }) => [label, circle[0], circle[1]] as const,
        );
      const [was, is] = [discs(before), discs(await stageData(page, 'largestDiscs'))];
      expect(is.length).toBeGreaterThan(0);
      const moved = is.filter(([label, x, y]) => {
        const old = was.find((disc) => disc[0] === label);
        return old === undefined || Math.hypot(x - old[1], y - old[2]) > 5;
      });
      expect(moved.length).toBeGreaterThan(is.length / 2);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("gives sigma the community's accounts alone and frames them", async () => {
    const community = 7;
    const size = generated.graph.nodes.filter(
      (node) => node.attributes?.community === community,
    ).length;
    const page = await openMap();
    try {
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
