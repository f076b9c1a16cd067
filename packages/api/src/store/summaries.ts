// Conversions between the map shapes both stores give: a map's full info and its summary.
import type { MapInfo, MapSummary } from '@kolmap/model';

/** The summary of a map (what `maps.list` shows): its info without params, provenance and attributes. */
export function toSummary(info: MapInfo): MapSummary {
  const summary: MapSummary = {
    id: info.id,
    name: info.name,
    status: info.status,
    createdAt: info.createdAt,
    directed: info.directed,
    counts: info.counts,
  };
  if (info.reason !== undefined) summary.reason = info.reason;
  if (info.readyAt !== undefined) summary.readyAt = info.readyAt;
  return summary;
}
