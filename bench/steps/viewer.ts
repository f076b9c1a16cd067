// Bench entry `viewer`: the viewer in headless Chromium (software rendering, as on a machine without
// a GPU), against the API serving the demo map and a generated 20,000-account / 100,000-interaction
// map. Measures the time from navigation to the first frame on screen and to the first one with the
// links (the viewer's performance marks; large maps draw their links in a second frame),
// the frame times while the map is dragged with the mouse, and the redraw once it is released.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SerializedGraph } from 'graphology-types';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../packages/api/src/index.js';
import { Rng } from '../../packages/demo/src/rng.js';
import { builtViewer, chromiumMissing, launchChromium } from '../../test/viewer/browser.js';
import type { BenchResult } from '../run.js';
import { BENCH_COMMUNITIES, benchMap } from '../store-map.js';

const LARGE = { accounts: 20_000, interactions: 100_000 };
/** Page loads per map (the median is reported). */
const LOADS = 3;
const PAN_MS = 3000;
const FIRST_RENDER_TARGET_MS = 3000;
const PAN_TARGET_FPS = 30;

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
    const [demo] = await server.store.maps.list();
    const large = await server.store.maps.save(
      withClusteredPositions(benchMap('Generated 20k map', LARGE)),
    );
    browser = await launchChromium();
    const rows: BenchResult['rows'] = [];
    const targets: BenchResult['targets'] = [];
    for (const map of [demo, large]) {
      if (!map) continue;
      const loads: number[] = [];
      const withLinks: number[] = [];
      let pan: PanMeasure | null = null;
      for (let load = 0; load < LOADS; load++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        const { first, links } = await renderTimes(page, `${server.url}/maps/${map.id}`);
        loads.push(first);
        withLinks.push(links);
        if (load === LOADS - 1) pan = await panFrames(page);
        await page.close();
      }
      const firstRender = median(loads);
      const { fps, p50, p95, frames, redrawMs } = pan as PanMeasure;
      rows.push({
        map: map.name,
        accounts: map.counts.accounts,
        interactions: map.counts.interactions,
        'first render ms (median)': Math.round(firstRender),
        'first render ms (all)': loads.map(Math.round).join(' / '),
        'with links ms (median)': Math.round(median(withLinks)),
        'pan fps': round(fps),
        'pan frame ms p50': round(p50),
        'pan frame ms p95': round(p95),
        'pan frames': frames,
        'redraw after pan ms': Math.round(redrawMs),
      });
      if (map === large) {
        targets.push(
          {
            target: `first render under ${FIRST_RENDER_TARGET_MS / 1000} s on the 20k map (${Math.round(firstRender)} ms)`,
            met: firstRender < FIRST_RENDER_TARGET_MS,
          },
          {
            target: `panning above ${PAN_TARGET_FPS} fps on the 20k map (${round(fps)} fps)`,
            met: fps > PAN_TARGET_FPS,
          },
        );
      }
    }
    return { entry: 'viewer', rows, targets };
  } finally {
    await browser?.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Milliseconds from navigation start to the viewer's first frame on screen (`kolmap:first-render`)
 * and to the first frame with the links (`kolmap:links-drawn`; later on large maps).
 */
async function renderTimes(page: Page, url: string): Promise<{ first: number; links: number }> {
  await page.goto(url);
  const started = Date.now();
  while (!(await page.evaluate("performance.getEntriesByName('kolmap:links-drawn').length > 0"))) {
    if (Date.now() - started > 120_000) throw new Error(`${url}: no frame with the links in 2 min`);
    await page.waitForTimeout(50);
  }
  return page.evaluate(`({
    first: performance.getEntriesByName('kolmap:first-render')[0].startTime,
    links: performance.getEntriesByName('kolmap:links-drawn')[0].startTime,
  })`);
}

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

/**
 * The generated map with positions as a layout would give them: each community a disc around its
 * own point of a large circle, members scattered inside (seeded).
 */
function withClusteredPositions(input: { name: string; graph: SerializedGraph }) {
  const rng = new Rng(42, 'bench-viewer-positions');
  const radius = Math.sqrt(input.graph.nodes.length) * 10;
  const nodes = input.graph.nodes.map((node) => {
    const community = (node.attributes?.community as number) ?? 0;
    const angle = (2 * Math.PI * community) / BENCH_COMMUNITIES;
    const spread = radius / 6;
    const distance = spread * Math.sqrt(rng.next());
    const turn = rng.next() * 2 * Math.PI;
    return {
      ...node,
      attributes: {
        ...node.attributes,
        x: radius * Math.cos(angle) + distance * Math.cos(turn),
        y: radius * Math.sin(angle) + distance * Math.sin(turn),
      },
    };
  });
  return { name: input.name, graph: { ...input.graph, nodes } };
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

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
