import type { NotificationPreferencesView } from "@entente/protocol";
import { useCallback, useEffect, useState } from "react";
import { preferencesApi } from "../api/preferences-api";
import { changesSince, draftOf, type PreferencesDraft } from "../state/preferences-draft";
import { useMutation, useQuery } from "@tanstack/react-query";
import { preferencesQueries } from "../api/preferences-queries";

/**
 * The caller's notification preferences: what the server has, the form's draft, and
 * `save()`, which sends only what changed and takes the server's answer as the new state.
 */
export function useNotificationPreferences() {
  const state = useQuery(preferencesQueries.notifications());
  const reload = () => void state.refetch();
  const [saved, setSaved] = useState<NotificationPreferencesView | null>(null);
  const [draft, setDraft] = useState<PreferencesDraft | null>(null);
  /** Set after a successful save, cleared by the next change. */
  const [justSaved, setJustSaved] = useState(false);

  // The query's data keeps its identity until the server's answer changes.
  const loaded = state.data;
  useEffect(() => {
    if (!loaded) return;
    setSaved(loaded);
    setDraft(draftOf(loaded));
  }, [loaded]);

  const change = useCallback((update: (draft: PreferencesDraft) => PreferencesDraft) => {
    setDraft((current) => (current ? update(current) : current));
    setJustSaved(false);
  }, []);

  const pending = saved && draft ? changesSince(saved, draft) : null;

  const submit = useMutation({
    mutationFn: async () => {
      if (!pending) return;
      const { preferences } = await preferencesApi.update(pending);
      setSaved(preferences);
      setDraft(draftOf(preferences));
      setJustSaved(true);
    },
  });

  return {
    state,
    reload,
    saved,
    draft,
    dirty: pending !== null,
    change,
    save: () => submit.mutate(),
    saving: submit.isPending,
    saveError: submit.error,
    justSaved,
  };
}
