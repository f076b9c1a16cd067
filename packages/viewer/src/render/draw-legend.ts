// The legend drawn on an exported image, as it is over the map: what the colours stand for (with
// the colour scale of tonality), which lines are hidden, and what the sizes stand for.
import type { ColorScale } from '../graph/appearance.js';

export interface DrawnLegendLine {
  label: string;
  color: string;
  count: number;
  /** False when a filter hides its accounts. */
  shown: boolean;
}

export interface DrawnLegend {
  /** "Colour: Community". */
  colour: string;
  /** "Size: KOL score". */
  size: string;
  scale: ColorScale | null;
  lines: DrawnLegendLine[];
}

/** Lines drawn at most; the rest are counted on one more line. */
export const DRAWN_LINES = 14;

const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';

/**
 * Draws `legend` in a white box in the bottom-left corner of `context`'s canvas, `inset` pixels from
 * its edges, everything `scale` times the size it has on screen.
 */
export function drawLegend(
  context: CanvasRenderingContext2D,
  legend: DrawnLegend,
  { scale, inset }: { scale: number; inset: number },
): void {
  const px = (value: number) => value * scale;
  const lineHeight = px(19);
  const pad = px(10);
  const lines = legend.lines.slice(0, DRAWN_LINES);
  const more = legend.lines.length - lines.length;
  const count = new Intl.NumberFormat('en');
  context.save();
  context.font = `400 ${px(12)}px ${FONT}`;
  const labelWidth = Math.min(
    px(230),
    Math.max(px(120), ...lines.map((line) => context.measureText(line.label).width)),
  );
  const countWidth = Math.max(
    px(24),
    ...lines.map((line) => context.measureText(count.format(line.count)).width),
  );
  const width = pad * 2 + px(19) + labelWidth + px(10) + countWidth;
  const rows = 2 + lines.length + (more > 0 ? 1 : 0) + (legend.scale ? 2 : 0);
  const height = pad * 2 + rows * lineHeight;
  const left = inset;
  const top = context.canvas.height - inset - height;
  context.fillStyle = 'rgba(255, 255, 255, 0.94)';
  context.strokeStyle = '#e2e5ea';
  context.lineWidth = px(1);
  context.beginPath();
  context.roundRect(left, top, width, height, px(8));
  context.fill();
  context.stroke();

  let y = top + pad + lineHeight * 0.7;
  const text = (value: string, x: number, color: string, weight = 400, align = 'left') => {
    context.font = `${weight} ${px(12)}px ${FONT}`;
    context.fillStyle = color;
    context.textAlign = align as CanvasTextAlign;
    context.fillText(value, x, y);
  };
  text(legend.colour, left + pad, '#1f2430', 650);
  y += lineHeight;
  if (legend.scale) {
    const { min, max, colors } = legend.scale;
    const barTop = y - lineHeight * 0.55;
    const gradient = context.createLinearGradient(left + pad, 0, left + width - pad, 0);
    colors.forEach((color, i) => gradient.addColorStop(i / (colors.length - 1), color));
    context.fillStyle = gradient;
    context.fillRect(left + pad, barTop, width - pad * 2, px(10));
    y += lineHeight;
    text(`${min.toFixed(1)} negative`, left + pad, '#646b78');
    text('0', left + width / 2, '#646b78', 400, 'center');
    text(`positive +${max.toFixed(1)}`, left + width - pad, '#646b78', 400, 'right');
    y += lineHeight;
  }
  for (const line of lines) {
    context.beginPath();
    context.arc(left + pad + px(5.5), y - px(4), px(5.5), 0, 2 * Math.PI);
    if (line.shown) {
      context.fillStyle = line.color;
      context.fill();
    } else {
      context.strokeStyle = '#b8bdc6';
      context.lineWidth = px(1.5);
      context.stroke();
    }
    const label = fitText(context, line.label, labelWidth);
    text(label, left + pad + px(19), line.shown ? '#1f2430' : '#a0a6b1');
    text(count.format(line.count), left + width - pad, '#646b78', 400, 'right');
    y += lineHeight;
  }
  if (more > 0) {
    text(`and ${more} more`, left + pad + px(19), '#646b78');
    y += lineHeight;
  }
  text(legend.size, left + pad, '#1f2430', 650);
  context.restore();
}

/** `text` cut with an ellipsis to fit `width` in the context's current font. */
function fitText(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}
