import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * The page's one polite live region: what other people change on the screen the user is
 * looking at (a post, a vote, a workshop reveal) is read out by screen readers without moving
 * the focus. Mounted once, in the app shell; features call {@link useAnnounce}.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState<{ id: number; message: string } | null>(null);
  const announce = useCallback<Announce>((message) => {
    // A new node each time: the same words twice in a row are read twice.
    setAnnouncement((previous) => ({ id: (previous?.id ?? 0) + 1, message }));
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" aria-live="polite" data-testid="announcer">
        {announcement ? <p key={announcement.id}>{announcement.message}</p> : null}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Says `message` politely through the page's live region (a no-op outside the provider). */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
