import type { NotificationView } from "@entente/protocol";
import type { Translate } from "../../../i18n";

/**
 * Where a notification leads: the post, with its thread open, in the partnership's feed; a
 * decision, action or issue to its section; the charter, or a comment (shown where it was
 * made), to the partnership.
 */
export function notificationPath(notification: NotificationView): string {
  const partnership = `/p/${encodeURIComponent(notification.partnershipId)}`;
  if ("postId" in notification) {
    return `${partnership}/updates?post=${encodeURIComponent(notification.postId)}`;
  }
  if ("item" in notification) {
    if (notification.item.kind === "decision") return `${partnership}/decisions`;
    if (notification.item.kind === "action") return `${partnership}/objectives`;
    if (notification.item.kind === "issue") return `${partnership}/issues`;
  }
  return partnership;
}

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
