// The KOL score's breakdown as a small bar chart: each component's points out of the most it can
// give (its weight in the score), largest weight first.
import { scoreComponentLabel } from '@kolmap/model';
import { h } from './dom.js';

/**
 * `breakdown` holds each component's points (they add up to the score); `weights` the share of the
 * score each component can give (0–1), when the map says.
 */
export function scoreChart(
  breakdown: Record<string, number>,
  weights: Record<string, number> | null,
): HTMLElement {
  const components = Object.keys(breakdown)
    .filter((name) => !weights || (weights[name] ?? 0) > 0)
    .sort((a, b) => (weights?.[b] ?? 0) - (weights?.[a] ?? 0));
  return h(
    'ul',
    { class: 'score-chart', 'aria-label': 'KOL score breakdown' },
    ...components.map((name) => {
      const points = breakdown[name] ?? 0;
      const most = weights?.[name] ? weights[name] * 100 : 100;
      const share = Math.max(0, Math.min(1, points / most));
      return h(
        'li',
        { class: 'score-row' },
        h('span', { class: 'score-row-label' }, scoreComponentLabel(name)),
        h(
          'span',
          { class: 'score-bar', 'aria-hidden': 'true' },
          h('span', { class: 'score-bar-fill', style: { width: `${(share * 100).toFixed(1)}%` } }),
        ),
        h('span', { class: 'score-row-value' }, `${points.toFixed(1)} / ${Math.round(most)}`),
      );
    }),
  );
}

/** The score weights a map's parameters hold (`params.score.weights`), else null. */
export function scoreWeights(
  params: Record<string, unknown> | undefined,
): Record<string, number> | null {
  const score = params?.score as { weights?: unknown } | undefined;
  const weights = score?.weights;
  if (typeof weights !== 'object' || weights === null) return null;
  const entries = Object.entries(weights).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}
