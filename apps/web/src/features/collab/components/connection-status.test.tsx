// @vitest-environment happy-dom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { I18nProvider } from "../../../i18n";
import { loadCatalogue } from "../../../i18n/translate";
import { syncRegistry } from "../state/sync-registry";
import { AnnouncerProvider } from "../../../ui/announcer";
import { ConnectionStatus } from "./connection-status";

const owner = {};

function leavingIsQuestioned(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe("ConnectionStatus (the header's saving status)", () => {
  beforeAll(async () => {
    window.localStorage.setItem("entente.language", "en");
    await Promise.all([loadCatalogue("en"), loadCatalogue("fr")]);
  });

  afterEach(() => {
    act(() => syncRegistry.remove(owner));
    cleanup();
  });

  it("shows nothing on a page without live documents", () => {
    const { container } = render(
      <I18nProvider>
        <ConnectionStatus />
      </I18nProvider>,
    );
    expect(container.textContent).toBe("");
  });

  it("says Saved, Saving…, Offline — N changes waiting and Reconnecting…, and guards leaving", () => {
    render(
      <I18nProvider>
        <AnnouncerProvider>
          <ConnectionStatus />
        </AnnouncerProvider>
      </I18nProvider>,
    );
    const announced = () => screen.getByTestId("announcer").textContent;
    act(() => syncRegistry.publish(owner, { state: "synced", pending: 0 }));
    const status = screen.getByTestId("connection-status");
    expect(status.textContent).toBe("Saved");
    expect(leavingIsQuestioned()).toBe(false);

    act(() => syncRegistry.publish(owner, { state: "saving", pending: 1 }));
    expect(status.textContent).toBe("Saving…");
    expect(leavingIsQuestioned()).toBe(true);

    act(() => syncRegistry.publish(owner, { state: "offline", pending: 1 }));
    expect(status.textContent).toMatch(/^Offline — 1 change waiting\./);
    // Going offline is said once through the page's live region, not every saving step.
    expect(announced()).toBe(
      "Your changes are kept here and will sync when the connection is back.",
    );
    act(() => syncRegistry.publish(owner, { state: "offline", pending: 3 }));
    expect(status.textContent).toMatch(/^Offline — 3 changes waiting\./);

    act(() => syncRegistry.publish(owner, { state: "reconnecting", pending: 0 }));
    expect(screen.getByTestId("connection-status").textContent).toBe("Reconnecting…");
    expect(announced()).toBe("Reconnecting…");
    expect(leavingIsQuestioned()).toBe(false);

    act(() => syncRegistry.publish(owner, { state: "synced", pending: 0 }));
    expect(announced()).toBe("Saved");
  });
});
