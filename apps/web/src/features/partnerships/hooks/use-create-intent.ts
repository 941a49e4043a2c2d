import { useEffect, useRef } from "react";
import { useLocation, useNavigate } from "@tanstack/react-router";
import { hasCreateIntent, withoutCreateIntent } from "../state/create-intent";

/**
 * Runs `open` when the URL asks for the section's "new …" form (`?new=1`), as soon as the
 * user may create here (a live document is writable only once it synced), then drops the
 * parameter from the address. Someone who may not create keeps the section as it is.
 */
export function useCreateIntent(allowed: boolean, open: () => void): void {
  const location = useLocation();
  const navigate = useNavigate();
  const asked = hasCreateIntent(location.searchStr);
  const latestOpen = useRef(open);
  latestOpen.current = open;
  useEffect(() => {
    if (!asked || !allowed) return;
    latestOpen.current();
    void navigate({
      href: `${location.pathname}${withoutCreateIntent(location.searchStr)}`,
      replace: true,
      resetScroll: false,
    });
  }, [asked, allowed, location.pathname, location.searchStr, navigate]);
}
