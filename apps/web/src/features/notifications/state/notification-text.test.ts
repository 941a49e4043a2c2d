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

describe("membership notifications", () => {
  const joined: NotificationView = {
    ...base,
    kind: "member_joined",
    actor: { id: "u7", name: "Nadia Newcomer", organizationId: "o2" },
    item: { kind: "member", id: "u7", title: "Nadia Newcomer" },
  };
  const removed: NotificationView = {
    ...base,
    kind: "member_left",
    item: { kind: "member", id: "u8", title: "Bob Colleague" },
  };
  const left: NotificationView = {
    ...removed,
    actor: { id: "u8", name: "Bob Colleague", organizationId: "o2" },
  };
  const organization: NotificationView = {
    ...base,
    kind: "organization_joined",
    item: { kind: "organization", id: "o3", title: "Eastgate" },
  };

  it("say who joined, left, or removed whom, in English and French", async () => {
    const en = createTranslate(await loadCatalogue("en"), "en");
    expect(describeNotification(joined, en, day)).toBe("Nadia Newcomer joined the partnership");
    expect(describeNotification(removed, en, day)).toBe(
      "Lucas Bernard removed Bob Colleague from the partnership",
    );
    expect(describeNotification(left, en, day)).toBe("Bob Colleague left the partnership");
    expect(describeNotification(organization, en, day)).toBe("Eastgate joined the partnership");

    const fr = createTranslate(await loadCatalogue("fr"), "fr");
    expect(describeNotification(joined, fr, day)).toBe("Nadia Newcomer a rejoint le partenariat");
    expect(describeNotification(removed, fr, day)).toBe(
      "Lucas Bernard a retiré Bob Colleague du partenariat",
    );
    expect(describeNotification(left, fr, day)).toBe("Bob Colleague a quitté le partenariat");
  });
});
