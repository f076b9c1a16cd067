// Account labels drawn with a white halo, so a name stays readable over the nodes and links behind it.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';

export function drawHaloLabel(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
  settings: Settings,
): void {
  if (!data.label) return;
  const size = settings.labelSize;
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  context.lineJoin = 'round';
  context.lineWidth = Math.max(2, size / 4);
  context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
  context.strokeText(data.label, x, y);
  context.fillStyle = settings.labelColor.color ?? '#000';
  context.fillText(data.label, x, y);
}
