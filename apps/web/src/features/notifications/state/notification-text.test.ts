import type { NotificationView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { createTranslate, loadCatalogue } from "../../../i18n/translate";
import { describeNotification } from "./notification-text";

const base = {
  id: "n1",
  partnershipId: "p1",
  actor: { id: "u1", name: "Lucas Bernard", organizationId: "o2" },
  createdAt: "2026-11-26T10:00:00.000Z",
  readAt: null,
};
const statusChanged: NotificationView = {
  ...base,
  kind: "item_status_changed",
  item: { kind: "action", id: "a1", title: "Book the venue", status: "blocked", dueDate: null },
};
const overdue: NotificationView = {
  ...base,
  kind: "item_overdue",
  item: { kind: "issue", id: "i1", title: "Legal review", status: "open", dueDate: "2026-02-01" },
};
const day = (value: string) => `[${value}]`;

describe("action and issue notifications", () => {
  it("say who set which status, or which due date passed, in English", async () => {
    const t = createTranslate(await loadCatalogue("en"), "en");
    expect(describeNotification(statusChanged, t, day)).toBe(
      "Lucas Bernard set your action “Book the venue” to Blocked",
    );
    expect(describeNotification(overdue, t, day)).toBe(
      "Your issue “Legal review” is overdue (due [2026-02-01])",
    );
    expect(
      describeNotification(
        { ...overdue, item: { ...statusChanged.item, dueDate: "2026-01-05" } } as NotificationView,
        t,
        day,
      ),
    ).toBe("Your action “Book the venue” is overdue (due [2026-01-05])");
  });

  it("say it in French", async () => {
    const t = createTranslate(await loadCatalogue("fr"), "fr");
    expect(describeNotification(statusChanged, t, day)).toBe(
      "Lucas Bernard a passé votre action « Book the venue » au statut « Bloquée »",
    );
    expect(
      describeNotification(
        { ...statusChanged, item: { ...overdue.item, status: "resolved" } } as NotificationView,
        t,
        day,
      ),
    ).toBe("Lucas Bernard a passé votre point ouvert « Legal review » au statut « Résolu »");
    expect(describeNotification(overdue, t, day)).toBe(
      "Votre point ouvert « Legal review » est en retard (échéance : [2026-02-01])",
    );
  });
});
