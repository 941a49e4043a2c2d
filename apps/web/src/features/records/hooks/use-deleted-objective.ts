import { useEffect, useState } from "react";
import { recordsApi } from "../api/records-api";

interface Cached {
  at: number;
  titles: Promise<Map<string, string>>;
}

/** Read again at most this often when a reference names an objective not in the list. */
const REFRESH_MS = 5_000;
const cache = new Map<string, Cached>();

function titles(partnershipId: string, missing: string): Promise<Map<string, string>> {
  const cached = cache.get(partnershipId);
  if (cached && Date.now() - cached.at < REFRESH_MS) return cached.titles;
  const fresh: Cached = {
    at: Date.now(),
    titles: recordsApi.deletedObjectives(partnershipId).then(
      ({ objectives }) => new Map(objectives.map((o) => [o.id, o.title])),
      () => new Map<string, string>(),
    ),
  };
  // A list that already knows the objective is kept: deletions are never undone here.
  if (cached) {
    fresh.titles = cached.titles.then((old) =>
      old.has(missing) ? old : fresh.titles.then((next) => new Map([...old, ...next])),
    );
  }
  cache.set(partnershipId, fresh);
  return fresh.titles;
}

/**
 * The title a deleted objective had, from the server's records; null until known (or when
 * the records do not have it).
 */
export function useDeletedObjectiveTitle(partnershipId: string, objectiveId: string | null) {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    if (objectiveId === null) return;
    let current = true;
    void titles(partnershipId, objectiveId).then((map) => {
      if (current) setTitle(map.get(objectiveId) ?? null);
    });
    return () => {
      current = false;
    };
  }, [partnershipId, objectiveId]);
  return objectiveId === null ? null : title;
}
