import type { NotificationView } from "@entente/protocol";
import type { Translate } from "../../../i18n";

/** What a notification says, in the language of `t`; `formatDay` writes due dates. */
export function describeNotification(
  n: NotificationView,
  t: Translate,
  formatDay: (day: string) => string,
): string {
  if ("item" in n && (n.item.kind === "action" || n.item.kind === "issue")) {
    const item = n.item;
    const title = item.title;
    if (n.kind === "item_overdue") {
      const date = item.dueDate ? formatDay(item.dueDate) : "";
      return item.kind === "action"
        ? t("notifications.actionOverdue", { title, date })
        : t("notifications.issueOverdue", { title, date });
    }
    const name = n.actor.name;
    return item.kind === "action"
      ? t("notifications.actionStatusChanged", {
          name,
          title,
          status: t(`action.status.${item.status}`),
        })
      : t("notifications.issueStatusChanged", {
          name,
          title,
          status: t(`issue.status.${item.status}`),
        });
  }
  if ("item" in n && n.item.kind === "health_check") {
    return n.kind === "health_check_results"
      ? t("notifications.healthCheckResults", { title: n.item.title })
      : t("notifications.healthCheckOpened", { name: n.actor.name, title: n.item.title });
  }
  if ("item" in n) {
    return n.kind === "decision_waiting"
      ? t("notifications.decisionWaiting", { name: n.actor.name, title: n.item.title })
      : t("notifications.charterChanged", { name: n.actor.name });
  }
  if (!("postTitle" in n)) {
    const name = { name: n.actor.name };
    if (n.kind === "mention") return t("notifications.commentMention", name);
    if (n.kind === "organization_mention") {
      return t("notifications.commentOrganizationMention", name);
    }
    return t("notifications.commentReply", name);
  }
  const values = { name: n.actor.name, title: n.postTitle };
  if (n.kind === "mention") return t("notifications.mention", values);
  if (n.kind === "organization_mention") return t("notifications.organizationMention", values);
  return t("notifications.reply", values);
}
