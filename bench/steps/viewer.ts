// Bench entry `viewer`: the viewer in headless Chromium (software rendering, as on a machine without
// a GPU), against the API serving the demo map (the reference), the AHCA retweet map of
// ../shared/data (55k accounts, analysed as `kolmap analyze` does) and a generated 100,000-account /
// 1,000,000-link map. Per map: the `/graph` payload (bytes over the wire and as JSON, fetch, parse
// and graph-building time), the time from navigation to the first frame and to the first one with
// the links (the viewer's performance marks), the frame times while the map is dragged, and the time
// from a click on an account (and from picking the top KOL in the search box) to the frame showing it
// selected (`kolmap:account-selected`); and the longest main-thread task (PerformanceObserver
// `longtask`) while zooming from the overview into a community, dragging the map there, and ticking
// a community in the filters.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SerializedGraph } from 'graphology-types';
import type { Browser, Page } from 'playwright-core';
import { type MapSummary, startServer } from '../../packages/api/src/index.js';
import { analyzeGraph, buildInteractionGraph, loadDataset } from '../../packages/core/src/index.js';
import { sharedDataPath } from '../../packages/core/test/shared-data.js';
import {
  AHCA_FOLDER,
  AHCA_LOAD_OPTIONS,
  writeAhcaInputs,
} from '../../test/validation/ahca-dataset.js';
import { builtViewer, chromiumMissing, launchChromium } from '../../test/viewer/browser.js';
import type { BenchResult } from '../run.js';
import { benchMap, withClusteredPositions } from '../store-map.js';

const LARGE = { accounts: 100_000, interactions: 1_000_000 };
/** Page loads per map (the median is reported; the first also loads the map into the server's cache). */
const LOADS = 3;
const PAN_MS = 3000;
const FIRST_RENDER_TARGET_MS = 3000;
const PAN_TARGET_FPS = 30;
const SELECT_TARGET_MS = 300;
/** No main-thread task longer than this while zooming, dragging or filtering. */
const TASK_TARGET_MS = 100;
/** Milliseconds watched for long tasks after each gesture ends. */
const SETTLE_MS = 3000;
/** Longest wait for a frame the bench waits for. */
const WAIT_MS = 300_000;

export async function benchViewer(): Promise<BenchResult> {
  const missing = chromiumMissing();
  if (missing !== null) {
    return {
      entry: 'viewer',
      rows: [{ map: '-', note: `not run: ${missing}` }],
      targets: [{ target: 'viewer benchmark ran', met: false }],
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kolmap-bench-viewer-'));
  const server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      KOLMAP_DATA_DIR: dataDir,
      KOLMAP_VIEWER_DIR: builtViewer(),
      LOG_LEVEL: 'warn',
    },
  });
  let browser: Browser | undefined;
  try {
    const rows: BenchResult['rows'] = [];
    const targets: BenchResult['targets'] = [];
    const [demo] = await server.store.maps.list();
    const maps: Array<{ map: MapSummary; targeted: boolean }> = [];
    if (demo) maps.push({ map: demo, targeted: false });
    const ahca = await ahcaMap();
    if (ahca === null) {
      rows.push({ map: 'AHCA retweets', note: `not run: ${sharedDataPath(AHCA_FOLDER)} missing` });
      targets.push({ target: 'AHCA map measured', met: false });
    } else {
      maps.push({ map: await server.store.maps.save(ahca), targeted: true });
    }
    const large = withClusteredPositions(benchMap('Generated 100k / 1M map', LARGE));
    maps.push({ map: await server.store.maps.save(large), targeted: true });
    browser = await launchChromium();
    for (const { map, targeted } of maps) {
      const loads: LoadMeasure[] = [];
      let interaction: InteractionMeasure | null = null;
      const url = `${server.url}/maps/${map.id}`;
      for (let load = 0; load < LOADS; load++) {
        process.stderr.write(`viewer: ${map.name}, load ${load + 1} of ${LOADS}\n`);
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        loads.push(await loadTimes(page, url));
        if (load === LOADS - 1) interaction = await interact(page, topAccount(map.id));
        await page.close();
      }
      const tasks = await longestTasks(browser, url);
      const middle = (pick: (measure: LoadMeasure) => number) => median(loads.map(pick));
      const { pan, clickMs, searchMs } = interaction as InteractionMeasure;
      const firstRender = middle((measure) => measure.first);
      const row = {
        map: map.name,
        accounts: map.counts.accounts,
        interactions: map.counts.interactions,
        '/graph MB gzip': round((loads[0] as LoadMeasure).transferBytes / 1e6, 2),
        '/graph MB json': round((loads[0] as LoadMeasure).jsonBytes / 1e6, 2),
        'fetch ms': Math.round(middle((measure) => measure.fetch)),
        'parse ms': Math.round(middle((measure) => measure.parse)),
        'build ms': Math.round(middle((measure) => measure.build)),
        'first frame ms': Math.round(firstRender),
        'first frame ms (all)': loads.map((measure) => Math.round(measure.first)).join(' / '),
        'with links ms': Math.round(middle((measure) => measure.links)),
        'pan fps': round(pan.fps, 1),
        'pan frame ms p50': round(pan.p50, 1),
        'pan frame ms p95': round(pan.p95, 1),
        'redraw after pan ms': Math.round(pan.redrawMs),
        'select ms (click)': clickMs === null ? 'no account found' : Math.round(clickMs),
        'select top KOL ms (search)': Math.round(searchMs),
        'longest task ms: zoom in': Math.round(tasks.zoom),
        'longest task ms: drag there': Math.round(tasks.drag),
        'longest task ms: filter': Math.round(tasks.filter),
      };
      rows.push(row);
      if (targeted) {
        const selectMs = Math.max(clickMs ?? Number.POSITIVE_INFINITY, searchMs);
        targets.push(
          {
            target: `${map.name}: first frame under ${FIRST_RENDER_TARGET_MS / 1000} s (${row['first frame ms']} ms)`,
            met: firstRender < FIRST_RENDER_TARGET_MS,
          },
          {
            target: `${map.name}: panning at ${PAN_TARGET_FPS} fps or more (${row['pan fps']} fps)`,
            met: pan.fps >= PAN_TARGET_FPS,
          },
          {
            target: `${map.name}: account selected under ${SELECT_TARGET_MS} ms (click ${row['select ms (click)']}, search ${row['select top KOL ms (search)']} ms)`,
            met: selectMs < SELECT_TARGET_MS,
          },
          ...(['zoom', 'drag', 'filter'] as const).map((gesture) => ({
            target: `${map.name}: no task over ${TASK_TARGET_MS} ms while ${GESTURES[gesture]} (${Math.round(tasks[gesture])} ms)`,
            met: tasks[gesture] < TASK_TARGET_MS,
          })),
        );
      }
    }
    return { entry: 'viewer', rows, targets };
  } finally {
    await browser?.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  /** The key of the map's account of highest KOL score (the first `/graph` gives). */
  function topAccount(mapId: string) {
    return async () => {
      const response = await fetch(`${server.url}/api/v1/maps/${mapId}/graph?top=1`);
      const { graph } = (await response.json()) as { graph: { accounts: { keys: string[] } } };
      return graph.accounts.keys[0] as string;
    };
  }
}

/** The AHCA retweet map as `kolmap analyze` makes it (seed 42), or null without ../shared/data. */
async function ahcaMap(): Promise<{ name: string; graph: SerializedGraph } | null> {
  if (!existsSync(sharedDataPath(AHCA_FOLDER))) return null;
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-ahca-'));
  try {
    const dataset = await loadDataset(await writeAhcaInputs(folder), AHCA_LOAD_OPTIONS);
    const graph = buildInteractionGraph(dataset);
    analyzeGraph(graph, { seed: 42 });
    return { name: 'AHCA retweets', graph: graph.export() };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

interface LoadMeasure {
  /** `/graph`: bytes over the wire and of its JSON. */
  transferBytes: number;
  jsonBytes: number;
  /** Milliseconds from the request to the last byte of `/graph`, then to its JSON parsed. */
  fetch: number;
  parse: number;
  /** Milliseconds to build the viewer's graph from it (the accounts; the links too on small maps). */
  build: number;
  /** Milliseconds from navigation to the first frame and to the first one with the links. */
  first: number;
  links: number;
}

/** Loads the map's page and reads the `/graph` request's timing and the viewer's marks. */
async function loadTimes(page: Page, url: string): Promise<LoadMeasure> {
  await page.goto(url);
  await waitFor(page, "performance.getEntriesByName('kolmap:links-drawn').length > 0", url);
  return page.evaluate(`(() => {
    const mark = (name) => performance.getEntriesByName(name)[0].startTime;
    const graph = performance.getEntriesByType('resource').find((entry) => /\\/graph$/.test(entry.name));
    return {
      transferBytes: graph.encodedBodySize,
      jsonBytes: graph.decodedBodySize,
      fetch: graph.responseEnd - graph.startTime,
      parse: mark('kolmap:graph-loaded') - graph.responseEnd,
      build: mark('kolmap:graph-built') - mark('kolmap:graph-loaded'),
      first: mark('kolmap:first-render'),
      links: mark('kolmap:links-drawn'),
    };
  })()`);
}

async function waitFor(page: Page, condition: string, what: string): Promise<void> {
  const started = Date.now();
  while (!(await page.evaluate(condition))) {
    if (Date.now() - started > WAIT_MS)
      throw new Error(`${what}: waited ${WAIT_MS / 1000} s for ${condition}`);
    await page.waitForTimeout(50);
  }
}

const GESTURES = {
  zoom: 'zooming in from the overview',
  drag: 'dragging the map zoomed in',
  filter: 'ticking a community',
} as const;

/** The longest main-thread task (ms) of each gesture, each watched until SETTLE_MS after it. */
type TaskMeasure = Record<keyof typeof GESTURES, number>;

/**
 * On one page, zooms from the overview into the largest community labelled (ten wheel notches over
 * its label), then drags the map there; on another, ticks the first community of the filters.
 */
async function longestTasks(browser: Browser, url: string): Promise<TaskMeasure> {
  const open = async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    await waitFor(page, "performance.getEntriesByName('kolmap:links-drawn').length > 0", url);
    await page.waitForTimeout(1000);
    return page;
  };
  const page = await open();
  const box = (await page.locator('.sigma-container').boundingBox()) as {
    x: number;
    y: number;
    width: number;
    height: number;
  };
  const labels = JSON.parse(
    await page.evaluate("document.querySelector('.sigma-container').dataset.labels"),
  ) as Array<{ kind: string; box: [number, number, number, number] }>;
  const label = labels.find(({ kind }) => kind === 'community')?.box ?? [
    box.width / 2,
    box.height / 2,
    0,
    0,
  ];
  const at = { x: box.x + label[0] + label[2] / 2, y: box.y + label[1] + label[3] / 2 };
  await page.mouse.move(at.x, at.y);
  const zoom = await longestTask(page, async () => {
    for (let notch = 0; notch < 10; notch++) {
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(30);
    }
  });
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(middle.x, middle.y);
  const drag = await longestTask(page, async () => {
    await page.mouse.down();
    for (let step = 1; step <= 60; step++) {
      await page.mouse.move(middle.x - step * 5, middle.y - step * 2);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  });
  await page.close();
  const filtered = await open();
  await filtered.getByRole('tab', { name: 'Filters' }).click();
  await filtered.locator('[id^="filter-communities-"]').first().waitFor();
  await filtered.waitForTimeout(1000);
  const filter = await longestTask(filtered, () =>
    filtered.locator('[id^="filter-communities-"]').first().check(),
  );
  await filtered.close();
  return { zoom, drag, filter };
}

/** The longest main-thread task (ms, 0 for none over 50) from `act` to SETTLE_MS after it. */
async function longestTask(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`(() => {
    window.benchTasks = [];
    window.benchObserver?.disconnect();
    window.benchObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchTasks.push(entry.duration);
    });
    window.benchObserver.observe({ type: 'longtask' });
  })()`);
  await act();
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate('Math.max(0, ...window.benchTasks)');
}

interface InteractionMeasure {
  pan: PanMeasure;
  /** Milliseconds from the click on an account to the frame showing it selected; null when none was found. */
  clickMs: number | null;
  /** The same from Enter on the top KOL's key in the search box. */
  searchMs: number;
}

/** Drags the map, then clicks an account, clears the selection and picks the top KOL by search. */
async function interact(page: Page, topKey: () => Promise<string>): Promise<InteractionMeasure> {
  const pan = await panFrames(page);
  const point = (await page.evaluate(FIND_ACCOUNT_SCRIPT)) as { x: number; y: number } | null;
  let clickMs: number | null = null;
  if (point !== null) {
    // The account hovered comes forward (after a delay): drawn before the click.
    await page.waitForTimeout(1000);
    clickMs = await selectionMs(page, 'mousedown', () => page.mouse.click(point.x, point.y));
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  }
  const key = await topKey();
  await page.locator('#account-search').fill(key);
  await page.locator('#account-search-suggestions li').first().waitFor();
  const searchMs = await selectionMs(page, 'keydown', () => page.keyboard.press('Enter'));
  return { pan, clickMs, searchMs };
}

/**
 * Milliseconds from the first `event` (caught before the page's own handlers) to the next
 * `kolmap:account-selected` mark.
 */
async function selectionMs(page: Page, event: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`(() => {
    window.benchMarks = performance.getEntriesByName('kolmap:account-selected').length;
    document.addEventListener('${event}', () => { window.benchStarted = performance.now(); }, { capture: true, once: true });
  })()`);
  await act();
  await waitFor(
    page,
    "performance.getEntriesByName('kolmap:account-selected').length > window.benchMarks",
    'selection',
  );
  return page.evaluate(
    "performance.getEntriesByName('kolmap:account-selected').at(-1).startTime - window.benchStarted",
  );
}

/**
 * Where an account is on the stage: mouse moves on a grid from the stage's middle outwards until the
 * stage shows the pointer (sigma's `enterNode`); the page coordinates, or null. A string, as
 * PAN_SCRIPT.
 */
const FIND_ACCOUNT_SCRIPT = `(() => {
  const container = document.querySelector('.sigma-container');
  const target = container.querySelector('canvas:last-of-type');
  const box = container.getBoundingClientRect();
  const points = [];
  for (let x = box.left + 300; x < box.right - 20; x += 8)
    for (let y = box.top + 20; y < box.bottom - 20; y += 8) points.push({ x, y });
  const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  points.sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y));
  for (const { x, y } of points) {
    target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
    if (container.style.cursor === 'pointer') return { x, y };
  }
  return null;
})()`;

/**
 * Drags the map for PAN_MS in the page itself (one mouse move per animation frame, so that every
 * frame has a move to draw), then releases it; gives the frame intervals and the time from the
 * release to the first frame after the map is redrawn at its new place. A string, so that the
 * bench's TypeScript transform adds nothing to the code the page runs.
 */
const PAN_SCRIPT = `(async () => {
  const container = document.querySelector('.sigma-container');
  const target = container.querySelector('canvas:last-of-type');
  const box = container.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const fire = (type, dx, dy, buttons) => target.dispatchEvent(new MouseEvent(type, {
    clientX: x + dx, clientY: y + dy, button: 0, buttons, bubbles: true, cancelable: true,
  }));
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  fire('mousedown', 0, 0, 1);
  const times = [];
  for (let step = 0; times.length < 2 || times[times.length - 1] - times[0] < ${PAN_MS}; step++) {
    times.push(await frame());
    fire('mousemove', Math.sin(step / 15) * 150, Math.cos(step / 15) * 100 - 100, 1);
  }
  fire('mouseup', 0, 0, 0);
  const released = performance.now();
  while (container.style.transform) await frame();
  await frame();
  return {
    intervals: times.slice(1).map((time, index) => time - times[index]),
    redrawMs: performance.now() - released,
  };
})()`;

interface PanMeasure {
  fps: number;
  p50: number;
  p95: number;
  frames: number;
  redrawMs: number;
}

async function panFrames(page: Page): Promise<PanMeasure> {
  const { intervals, redrawMs } = (await page.evaluate(PAN_SCRIPT)) as {
    intervals: number[];
    redrawMs: number;
  };
  const sorted = [...intervals].sort((a, b) => a - b);
  const total = intervals.reduce((sum, ms) => sum + ms, 0);
  return {
    fps: intervals.length === 0 ? 0 : (intervals.length / total) * 1000,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    frames: intervals.length,
    redrawMs,
  };
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
