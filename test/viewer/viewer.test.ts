// The viewer end to end, in a real browser against the API serving the demo map: the map renders,
// search selects a planted KOL and the panel shows its score, its ego network and a path show on the
// map, a community filter hides the other communities, two shortlisted accounts export as a two-row
// CSV (through the audited API), the permalink reproduces the view, and a server with API keys gets
// one asked for. Each step saves a screenshot in test/artifacts/viewer/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../packages/api/src/index.js';
import { builtViewer, chromiumMissing, launchChromium } from './browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test/artifacts/viewer');
const missing = chromiumMissing();

if (missing !== null && process.env.CI !== 'true') {
  process.stderr.write(`viewer end-to-end tests skipped: ${missing}\n`);
}

const describeInBrowser = missing === null || process.env.CI === 'true' ? describe : describe.skip;

interface Account {
  key: string;
  attributes: { name?: string; kolScore?: number; community?: number };
}

const API_KEY = 'e2e-viewer-key-0123456789';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

describeInBrowser('viewer in a browser', () => {
  let dataDir: string;
  let viewerDir: string;
  let browser: Browser;

  beforeAll(async () => {
    if (missing !== null) throw new Error(`CI=true and ${missing}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    viewerDir = builtViewer();
    dataDir = mkdtempSync(join(tmpdir(), 'kolmap-viewer-e2e-'));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const serve = (env: Record<string, string> = {}) =>
    startServer({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        KOLMAP_DATA_DIR: dataDir,
        KOLMAP_VIEWER_DIR: viewerDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
    });

  describe('on the demo map, served without API keys', () => {
    let server: RunningServer;
    let page: Page;
    let mapId: string;
    let kol: Account;
    let pathEnd: Account;
    const problems: string[] = [];

    const api = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${server.url}/api/v1${path}`);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return (await response.json()) as T;
    };
    const shownCount = async () => page.locator('.stage-status').textContent();

    beforeAll(async () => {
      server = await serve();
      const { maps } = await api<{ maps: Array<{ id: string }> }>('/maps');
      mapId = (maps[0] as { id: string }).id;

      // A planted KOL of the demo data (ground truth), as the actor-projected map names it.
      const truth = JSON.parse(readFileSync(join(ROOT, 'data/demo/ground-truth.json'), 'utf8')) as {
        kols: Record<string, string[]>;
        accounts: Record<string, { actorId: string }>;
      };
      const planted = truth.kols['diabetes-fr']?.[0] as string;
      const actor = `actor:${truth.accounts[planted]?.actorId}`;
      kol = (
        await api<{ account: Account }>(`/maps/${mapId}/accounts/${encodeURIComponent(actor)}`)
      ).account;
      const other = `actor:${truth.accounts[truth.kols['stroke-fr']?.[0] as string]?.actorId}`;
      pathEnd = (
        await api<{ account: Account }>(`/maps/${mapId}/accounts/${encodeURIComponent(other)}`)
      ).account;

      page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    }, 240_000);

    afterAll(async () => {
      await page?.close();
      await server?.close();
    });

    it('renders the map from the map picker', async () => {
      await page.goto(server.url);
      await page.getByRole('link', { name: /Demo map/ }).waitFor();
      await shot(page, '1-map-picker');
      await page.getByRole('link', { name: /Demo map/ }).click();
      await page.locator('.stage[data-state="ready"]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      await shot(page, '2-map');
      expect(page.url()).toBe(`${server.url}/maps/${mapId}`);
      expect(await shownCount()).toMatch(/^2,295 accounts/);

      // Non-blank: a good share of the stage is neither white nor background.
      const stage = await page.locator('.sigma-container').screenshot();
      const inked = await page.evaluate(async (png) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number) < 700)
            count++;
        }
        return count / (image.width * image.height);
      }, stage.toString('base64'));
      expect(inked).toBeGreaterThan(0.03);
    }, 60_000);

    it('finds a planted KOL by name, selects it and shows its score', async () => {
      const name = kol.attributes.name as string;
      await page.getByRole('combobox', { name: 'Find an account' }).fill(name.slice(0, 8));
      await page
        .getByRole('option', { name: new RegExp(name) })
        .first()
        .click();
      const panel = page.locator('.account-panel');
      await panel.getByRole('heading', { name, exact: true }).waitFor();
      await page.waitForTimeout(700);
      await shot(page, '3-kol-selected');
      expect(await panel.locator('[data-kol-score]').textContent()).toBe(
        (kol.attributes.kolScore as number).toFixed(1),
      );
      expect(await panel.locator('.score-row').count()).toBeGreaterThan(2);
      await page.waitForFunction(
        (key) => new URL(window.location.href).searchParams.get('node') === key,
        kol.key,
      );
    }, 30_000);

    it("shows the KOL's ego network and a path to another account on the map", async () => {
      const panel = page.locator('.account-panel');
      await panel.getByRole('button', { name: '1 hop' }).click();
      await panel.getByRole('button', { name: 'Received' }).click();
      await panel.getByText(/accounts, \d+ links highlighted/).waitFor();
      await page.waitForTimeout(700);
      await shot(page, '4-ego-network');
      await page.waitForFunction(
        () => new URL(window.location.href).searchParams.get('ego') === '1-in',
      );

      const name = pathEnd.attributes.name as string;
      await panel.getByRole('combobox', { name: 'Path to an account' }).fill(name);
      await panel
        .getByRole('option', { name: new RegExp(name) })
        .first()
        .click();
      const steps = panel.locator('.path-list > li');
      await steps.last().waitFor();
      await page.waitForTimeout(700);
      await shot(page, '5-path');
      expect(await steps.first().locator('.row-button').textContent()).toBe(kol.attributes.name);
      expect(await steps.last().locator('.row-button').textContent()).toBe(name);
      expect(new URL(page.url()).searchParams.get('to')).toBe(pathEnd.key);

      await panel.getByRole('button', { name: 'Clear the path' }).click();
      await panel.getByRole('button', { name: 'Off' }).click();
    }, 30_000);

    it("filters the map to the KOL's community, hiding the others", async () => {
      const community = kol.attributes.community as number;
      await page.getByRole('tab', { name: 'Filters' }).click();
      await page.locator(`#filter-communities-${community}`).check();
      await page.waitForTimeout(500);
      await shot(page, '6-community-filter');
      const size = await countCommunity(community);
      expect(await shownCount()).toBe(`${size.toLocaleString('en')} of 2,295 accounts shown`);
      const legend = page.locator('.legend-entry[aria-pressed="true"]');
      expect(await legend.count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('communities')).toBe(String(community));
    }, 30_000);

    it('exports a shortlist of two accounts as a CSV with those two rows', async () => {
      await page.getByRole('button', { name: '☆ Add to shortlist' }).click();
      await page.getByRole('tab', { name: 'KOLs' }).click();
      const second = page
        .locator('.kol-table tbody tr')
        .filter({ has: page.getByRole('button', { name: /^Add .* to the shortlist$/ }) })
        .first();
      const secondName = (await second.locator('.row-button').textContent()) as string;
      await second.getByRole('button', { name: /Add .* to the shortlist/ }).click();
      await page.getByRole('tab', { name: 'Shortlist (2)' }).click();
      await page.waitForTimeout(300);
      await shot(page, '7-shortlist');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const file = join(ARTIFACTS, 'shortlist.csv');
      await download.saveAs(file);
      const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(kol.attributes.name as string);
      expect(lines[2]).toContain(secondName);
      const { entries } = await api<{ entries: Array<{ what: string }> }>(`/maps/${mapId}/audit`);
      expect(entries.map((entry) => entry.what)).toContainEqual(
        expect.stringMatching(/^shortlists\//),
      );
    }, 30_000);

    it('restores the selection and the filters from the permalink', async () => {
      await page.waitForTimeout(300);
      const link = page.url();
      expect(new URL(link).searchParams.get('node')).toBe(kol.key);
      await page.reload();
      await page.locator('.stage[data-state="ready"]').waitFor({ timeout: 30_000 });
      const panel = page.locator('.account-panel');
      await panel
        .getByRole('heading', { name: kol.attributes.name as string, exact: true })
        .waitFor();
      await page.waitForTimeout(500);
      await shot(page, '8-permalink-reloaded');
      expect(page.url()).toBe(link);
      expect(await panel.locator('[data-kol-score]').textContent()).toBe(
        (kol.attributes.kolScore as number).toFixed(1),
      );
      expect(await shownCount()).toMatch(/ of 2,295 accounts shown$/);
    }, 60_000);

    it('writes no error to the console', () => {
      expect(problems).toEqual([]);
    });

    async function countCommunity(community: number): Promise<number> {
      const { profile } = await api<{ profile: { size?: number } }>(
        `/maps/${mapId}/communities/${community}?limit=1`,
      );
      return profile.size as number;
    }
  });

  describe('served with API keys', () => {
    let server: RunningServer;
    let page: Page;

    beforeAll(async () => {
      server = await serve({ KOLMAP_API_KEYS: `e2e:analyst:${API_KEY}` });
      page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    }, 120_000);

    afterAll(async () => {
      await page?.close();
      await server?.close();
    });

    it('asks for a key, opens the map with it and keeps it for the session', async () => {
      await page.goto(server.url);
      const dialog = page.getByRole('dialog', { name: 'API key needed' });
      await dialog.waitFor();
      await shot(page, '9-api-key');
      await dialog.getByRole('textbox', { name: 'API key' }).fill(API_KEY);
      await dialog.getByRole('button', { name: 'Use this key' }).click();
      await page.getByRole('link', { name: /Demo map/ }).click();
      await page.locator('.stage[data-state="ready"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('.stage-status').textContent()).toMatch(/^2,295 accounts/);
      await page.reload();
      await page.locator('.stage[data-state="ready"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('dialog[open]').count()).toBe(0);
    }, 60_000);
  });
});
