// The shortlist as this browser keeps it, per map (localStorage).

const storageKey = (mapId: string) => `kolmap:shortlist:${mapId}`;

/** The keys shortlisted on map `mapId` in this browser; none when nothing readable is kept. */
export function readShortlist(mapId: string): string[] {
  try {
    const keys = JSON.parse(localStorage.getItem(storageKey(mapId)) ?? '[]') as unknown;
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps the keys shortlisted on map `mapId`. */
export function saveShortlist(mapId: string, keys: string[]): void {
  localStorage.setItem(storageKey(mapId), JSON.stringify(keys));
}
