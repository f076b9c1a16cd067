// The viewer end to end, in a real browser against the API serving the demo map: the map renders,
// search selects a planted KOL and the panel shows its score, its ego network and a path show on the
// map, a community filter hides the other communities, two shortlisted accounts export as a two-row
// CSV (through the audited API), the permalink reproduces the view, the listening panel draws its
// charts and its copied link reopens the same view and selectors (wrong values falling back),
// colouring by tonality changes the map, the PNG has the legend, the PV queue lists the demo's 30
// cases and moves one into review (audit trail, and a refused change), and a server with API keys
// gets one asked for and hides the PV queue from a viewer key, even through a link. Each step saves
// a screenshot in test/artifacts/viewer/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawnAccountAttributes, type MapGraphResponse } from '@kolmap/model';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../packages/api/src/index.js';
import { builtViewer, describeInBrowser, launchChromium } from './browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test/artifacts/viewer');

interface Account {
  key: string;
  attributes: { name?: string; kolScore?: number; community?: number; country?: string };
}

const API_KEY = 'e2e-viewer-key-0123456789';
const VIEWER_KEY = 'e2e-reader-key-0123456789';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** Waits until the address has these query parameters (null: left out); the view writes it. */
const addressHas = (page: Page, params: Record<string, string | null>) =>
  page.waitForFunction((expected) => {
    const query = new URLSearchParams(window.location.search);
    return Object.entries(expected).every(([name, value]) => query.get(name) === value);
  }, params);

describeInBrowser('viewer in a browser', () => {
  let dataDir: string;
  let viewerDir: string;
  let browser: Browser;

  beforeAll(async () => {
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
    const openMap = async () => {
      await page.goto(`${server.url}/maps/${mapId}`);
      await page.locator('.stage[data-state="ready"]').waitFor({ timeout: 30_000 });
    };

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
      // The actor's country (of its main account), by name.
      const country = kol.attributes.country as string;
      expect(country).toMatch(/^[A-Z]{2}$/);
      const countryName = new Intl.DisplayNames(['en'], { type: 'region' }).of(country) as string;
      await panel.locator('dd', { hasText: new RegExp(`^${countryName}$`) }).waitFor();
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

      // And to its French accounts: the country facet (actors take their main account's country).
      const { graph } = await api<MapGraphResponse>(`/maps/${mapId}/graph`);
      const french = drawnAccountAttributes(graph.accounts).filter(
        (attributes) => attributes.community === community && attributes.country === 'FR',
      ).length;
      expect(french).toBeGreaterThan(0);
      await page.locator('#filter-countries-FR').check();
      await page
        .locator('.stage-status', { hasText: `${french.toLocaleString('en')} of 2,295` })
        .waitFor();
      // The address follows the view a moment later.
      await page.waitForURL((url) => url.searchParams.get('countries') === 'FR');
      await page.locator('#filter-countries-FR').uncheck();
      await page
        .locator('.stage-status', { hasText: `${size.toLocaleString('en')} of 2,295` })
        .waitFor();
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

    it('draws the listening charts: volume, tonality and share of voice', async () => {
      await openMap();
      await page.getByRole('tab', { name: 'Listening' }).click();
      const panel = page.locator('.listening-panel');
      await panel.locator('.line-chart .chart-line path').first().waitFor();
      await page.waitForTimeout(500);
      await shot(page, '10-listening');
      const lines = await panel
        .locator('.line-chart .chart-line path:not(.chart-area)')
        .evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''));
      expect(lines.length).toBeGreaterThanOrEqual(2 * 6);
      for (const d of lines) expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
      const bars = await panel
        .locator('.sov-chart rect')
        .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width'))));
      expect(bars.length).toBe(2 * 13);
      expect(Math.max(...bars)).toBeGreaterThan(100);
      expect(await panel.locator('.sov-own').count()).toBe(3);
      // The same three own products stand out among the brand toggles.
      expect(await panel.locator('.segment.own-brand').count()).toBe(3);

      await panel.getByLabel('Series by').selectOption('area');
      await panel.getByLabel('Per', { exact: true }).selectOption('week');
      await panel.locator('.series-name', { hasText: 'oncology' }).waitFor();
      await page.waitForTimeout(300);
      await shot(page, '11-listening-by-area-week');
      expect(await panel.locator('.series-name').allTextContents()).toHaveLength(5);
    }, 60_000);

    it("selects a thematic community's leader on the map", async () => {
      const panel = page.locator('.listening-panel');
      const card = panel.locator('.theme-card').first();
      await card.scrollIntoViewIfNeeded();
      const leader = card.locator('.leader-list .row-button').first();
      const name = (await leader.textContent()) as string;
      await leader.click();
      await page.locator('.account-panel').getByRole('heading', { name, exact: true }).waitFor();
      await page.waitForTimeout(700);
      await shot(page, '12-listening-leader-selected');
      expect(new URL(page.url()).searchParams.get('node')).toMatch(/^actor:/);
    }, 30_000);

    it('keeps the listening view and its selectors in the copied link', async () => {
      const { brands, series } = await api<{
        brands: Array<{ name: string; own: boolean; therapeuticArea: string | null }>;
        series: Array<{ period: string }>;
      }>(`/maps/${mapId}/listening?period=month`);
      const ours = brands.filter((brand) => brand.own && brand.therapeuticArea === 'oncology');
      expect(ours.length).toBeGreaterThan(0);
      const months = [...new Set(series.map((row) => row.period))].sort();
      const since = `${months[1]}-01`;

      // Share of voice of our oncology brands on X, by week, since the second month heard.
      const panel = page.locator('.listening-panel');
      await panel.getByLabel('Series by').selectOption('brand');
      await panel.getByLabel('Per', { exact: true }).selectOption('week');
      await panel.getByLabel('Area', { exact: true }).selectOption('oncology');
      const brandChoices = panel.getByRole('group', { name: 'Brands' });
      for (const brand of ours) {
        await brandChoices.getByRole('button', { name: brand.name, exact: true }).click();
      }
      await panel
        .getByRole('group', { name: 'Platforms' })
        .getByRole('button', { name: 'X' })
        .click();
      await panel.getByLabel('From', { exact: true }).fill(since);
      const expected = {
        view: 'listening',
        by: null,
        per: 'week',
        brands: ours.map((brand) => brand.name).join(','),
        area: 'oncology',
        on: 'x',
        since,
      };
      await addressHas(page, expected);
      await panel.locator('.listening-charts:not([aria-busy])').waitFor();
      const names = await panel.locator('.series-name').allTextContents();
      expect(names.sort()).toEqual(ours.map((brand) => brand.name).sort());
      await shot(page, '19-listening-selectors');

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: server.url,
      });
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.locator('.toast', { hasText: 'Link to this view copied.' }).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(page.url());

      // A colleague opens it in a browser of their own.
      const colleague = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      try {
        await colleague.goto(link);
        const opened = colleague.locator('.listening-panel');
        await opened.locator('.line-chart .chart-line path').first().waitFor({ timeout: 30_000 });
        await opened.locator('.listening-charts:not([aria-busy])').waitFor();
        await shot(colleague, '20-listening-link-opened');
        expect(
          await colleague.getByRole('tab', { name: 'Listening' }).getAttribute('aria-selected'),
        ).toBe('true');
        expect(await opened.getByLabel('Series by').inputValue()).toBe('brand');
        expect(await opened.getByLabel('Per', { exact: true }).inputValue()).toBe('week');
        expect(await opened.getByLabel('Area', { exact: true }).inputValue()).toBe('oncology');
        expect(await opened.getByLabel('From', { exact: true }).inputValue()).toBe(since);
        expect(
          await opened
            .locator('.listening-choices [aria-pressed="true"]')
            .evaluateAll((buttons) => buttons.map((button) => (button as HTMLButtonElement).value)),
        ).toEqual([...ours.map((brand) => brand.name), 'x']);
        expect((await opened.locator('.series-name').allTextContents()).sort()).toEqual(
          names.sort(),
        );
        expect(colleague.url()).toBe(link);
      } finally {
        await colleague.close();
      }
    }, 90_000);

    it('lets go of the listening selectors a link gets wrong', async () => {
      const brand = (await api<{ brands: Array<{ name: string }> }>(`/maps/${mapId}/listening`))
        .brands[0]?.name as string;
      const colleague = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const refused: string[] = [];
      colleague.on('response', (answer) => {
        if (answer.status() >= 400) refused.push(`${answer.status()} ${answer.url()}`);
      });
      try {
        const wrong = new URLSearchParams({
          view: 'listening',
          by: 'shoe',
          per: 'year',
          brands: `Nope,${brand.toUpperCase()}`,
          area: 'atlantis',
          on: 'myspace,x',
          since: '2024-02-30',
        });
        await colleague.goto(`${server.url}/maps/${mapId}?${wrong}`);
        await addressHas(colleague, {
          view: 'listening',
          by: null,
          per: null,
          brands: brand,
          area: null,
          on: 'x',
          since: null,
        });
        const opened = colleague.locator('.listening-panel');
        await opened.locator('.line-chart .chart-line path').first().waitFor({ timeout: 30_000 });
        await opened.locator('.listening-charts:not([aria-busy])').waitFor();
        await shot(colleague, '21-listening-link-fallback');
        expect(await opened.getByLabel('Series by').inputValue()).toBe('brand');
        expect(await opened.getByLabel('Per', { exact: true }).inputValue()).toBe('month');
        expect(await opened.getByLabel('Area', { exact: true }).inputValue()).toBe('');
        expect(await opened.getByLabel('From', { exact: true }).inputValue()).toBe('');
        expect(await opened.locator('.series-name').allTextContents()).toEqual([brand]);
        expect(refused).toEqual([]);
      } finally {
        await colleague.close();
      }
    }, 60_000);

    it('colours the map by tonality, with the scale in the legend and in the PNG', async () => {
      await openMap();
      await page.waitForTimeout(500);
      const before = await page.locator('.sigma-container').screenshot();
      await page.locator('#legend-colour').selectOption('tonality');
      await page.locator('.legend-gradient').waitFor();
      await page.waitForTimeout(700);
      await shot(page, '13-tonality');
      const after = await page.locator('.sigma-container').screenshot();
      expect(await changedShare(page, before, after)).toBeGreaterThan(0.02);
      expect(new URL(page.url()).searchParams.get('colour')).toBe('tonality');
      expect(await page.locator('.legend-entry .legend-label').allTextContents()).toContain(
        'Neutral',
      );

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'PNG' }).click(),
      ]);
      const file = join(ARTIFACTS, '14-tonality-export.png');
      await download.saveAs(file);
      // The legend is drawn in the bottom-left corner: the white box holds the scale's colours.
      const corner = await page.evaluate(async (png) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(
          0,
          image.height * 0.6,
          image.width * 0.25,
          image.height * 0.4,
        );
        let red = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (
            (data[i] as number) > 200 &&
            (data[i + 1] as number) < 60 &&
            (data[i + 2] as number) < 60
          )
            red++;
        }
        return { width: image.width, red };
      }, readFileSync(file).toString('base64'));
      expect(corner.width).toBeGreaterThan(2000);
      expect(corner.red).toBeGreaterThan(100);
    }, 60_000);

    it('lists the 30 PV cases and moves one from new to in review, in the audit trail', async () => {
      await page.getByRole('tab', { name: 'PV queue' }).click();
      const panel = page.locator('.pv-panel');
      await panel.locator('.pv-case-row').first().waitFor();
      await shot(page, '15-pv-queue');
      expect(await panel.locator('.pv-case-row').count()).toBe(30);
      // Each status button gives the map's count of cases in it.
      await panel.getByRole('button', { name: 'All 30', exact: true }).waitFor();
      await panel.getByRole('button', { name: 'New 30', exact: true }).click();
      await panel.getByText(/: 30 new cases\./).waitFor();

      await panel.locator('.pv-case-row').first().click();
      const title = (await panel.locator('#pv-case-title').textContent()) as string;
      const caseId = title.replace(/^Case /, '');
      await panel.getByRole('button', { name: 'Start review' }).click();
      await panel.locator('.pv-detail-head .status-chip', { hasText: 'In review' }).waitFor();
      const trail = panel.locator('.audit-trail li');
      await trail.filter({ hasText: 'Status: New → In review' }).waitFor();
      await trail.last().scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await shot(page, '16-pv-case-in-review');
      expect(await trail.count()).toBe(2);
      const saved = await api<{ status: string; history: Array<{ action: string; to: string }> }>(
        `/maps/${mapId}/pv-cases/${encodeURIComponent(caseId)}`,
      );
      expect(saved.status).toBe('in_review');
      expect(saved.history.at(-1)).toMatchObject({ action: 'status', to: 'in_review' });

      // Reported elsewhere meanwhile: dismissing it here is refused, with what is allowed now.
      const reported = await fetch(
        `${server.url}/api/v1/maps/${mapId}/pv-cases/${encodeURIComponent(caseId)}`,
        {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ status: 'reported' }),
        },
      );
      expect(reported.status).toBe(200);
      await panel.getByLabel('Note').fill('Not about the product after all');
      await panel.getByRole('button', { name: 'Dismiss' }).click();
      await panel.locator('.pv-outcome.error', { hasText: 'no status may follow' }).waitFor();
      await panel.locator('.pv-detail-head .status-chip', { hasText: 'Reported' }).waitFor();
      await page.waitForTimeout(300);
      await shot(page, '17-pv-change-refused');
      expect(await panel.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
      await panel.getByRole('button', { name: '← All cases' }).click();
      await panel.getByRole('button', { name: 'New 29', exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Reported 1', exact: true }).waitFor();
      expect(await panel.getByRole('button', { name: 'In review 0', exact: true }).count()).toBe(1);
    }, 60_000);

    it('opens the PV queue from its link', async () => {
      await addressHas(page, { view: 'pv' });
      await page.reload();
      await page.locator('.pv-panel .pv-case-row').first().waitFor({ timeout: 30_000 });
      expect(await page.getByRole('tab', { name: 'PV queue' }).getAttribute('aria-selected')).toBe(
        'true',
      );
    }, 60_000);

    it('writes no error to the console', () => {
      // Chromium logs every answer with an error status; the refused PV change answers 409 on purpose.
      expect(problems.filter((problem) => !problem.includes('status of 409 (Conflict)'))).toEqual(
        [],
      );
    });

    async function countCommunity(community: number): Promise<number> {
      const { profile } = await api<{ profile: { size?: number } }>(
        `/maps/${mapId}/communities/${community}?limit=1`,
      );
      return profile.size as number;
    }
  });

  /** Share of the pixels that differ between two screenshots of the same size. */
  async function changedShare(page: Page, before: Buffer, after: Buffer): Promise<number> {
    return page.evaluate(
      async ([a, b]) => {
        const pixels = async (png: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${png}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext('2d') as CanvasRenderingContext2D;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height).data;
        };
        const [first, second] = [await pixels(a as string), await pixels(b as string)];
        let changed = 0;
        for (let i = 0; i < first.length; i += 4) {
          const difference =
            Math.abs((first[i] as number) - (second[i] as number)) +
            Math.abs((first[i + 1] as number) - (second[i + 1] as number)) +
            Math.abs((first[i + 2] as number) - (second[i + 2] as number));
          if (difference > 60) changed++;
        }
        return changed / (first.length / 4);
      },
      [before.toString('base64'), after.toString('base64')],
    );
  }

  describe('served with API keys', () => {
    let server: RunningServer;
    let page: Page;

    beforeAll(async () => {
      server = await serve({
        KOLMAP_API_KEYS: `e2e:analyst:${API_KEY},reader:viewer:${VIEWER_KEY}`,
      });
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
      await page.getByRole('tab', { name: 'PV queue' }).waitFor();
    }, 60_000);

    it('shows a viewer key the listening panel but nothing of the PV queue', async () => {
      const reader = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      try {
        const pvRequests: string[] = [];
        reader.on('request', (sent) => {
          if (sent.url().includes('/pv-cases')) pvRequests.push(sent.url());
        });
        const roleKnown = reader.waitForResponse(
          (response) => response.url().endsWith('/api/v1/me') && response.status() === 200,
        );
        await reader.goto(server.url);
        const dialog = reader.getByRole('dialog', { name: 'API key needed' });
        await dialog.getByRole('textbox', { name: 'API key' }).fill(VIEWER_KEY);
        await dialog.getByRole('button', { name: 'Use this key' }).click();
        await reader.getByRole('link', { name: /Demo map/ }).click();
        await reader.locator('.stage[data-state="ready"]').waitFor({ timeout: 30_000 });
        await reader.getByRole('tab', { name: 'Listening' }).click();
        await reader.locator('.line-chart .chart-line path').first().waitFor();
        await roleKnown;
        await reader.waitForTimeout(300);
        await shot(reader, '18-viewer-key-without-pv');
        expect(await reader.getByRole('tab', { name: 'PV queue' }).count()).toBe(0);
        expect(await reader.locator('.pv-panel').evaluate((panel) => panel.childElementCount)).toBe(
          0,
        );
        expect(await reader.locator('.toast').count()).toBe(0);
        expect(pvRequests).toEqual([]);

        // A link to the PV queue opens Explore for a viewer key, without asking for the queue.
        const roleKnownAgain = reader.waitForResponse(
          (response) => response.url().endsWith('/api/v1/me') && response.status() === 200,
        );
        await reader.goto(`${reader.url().split('?')[0]}?view=pv`);
        await reader.locator('.stage[data-state="ready"]').waitFor({ timeout: 30_000 });
        await roleKnownAgain;
        await addressHas(reader, { view: null });
        await shot(reader, '22-viewer-key-pv-link');
        expect(
          await reader.getByRole('tab', { name: 'Explore' }).getAttribute('aria-selected'),
        ).toBe('true');
        expect(await reader.getByRole('tab', { name: 'PV queue' }).count()).toBe(0);
        expect(pvRequests).toEqual([]);
      } finally {
        await reader.close();
      }
    }, 60_000);
  });
});
