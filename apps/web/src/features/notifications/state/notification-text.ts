import type { NotificationView } from "@entente/protocol";
import type { Translate } from "../../../i18n";

/** What a notification says, in the language of `t`; `formatDay` writes due dates. */
export function describeNotification(
  n: NotificationView,
  t: Translate,
  formatDay: (day: string) => string,
): string {
  // The server says so when its records do not tell who did it.
  const who = n.actorUnknown ? t("notifications.someone") : n.actor.name;
  if ("item" in n && (n.item.kind === "action" || n.item.kind === "issue")) {
    const item = n.item;
    const title = item.title;
    if (n.kind === "item_overdue") {
      const date = item.dueDate ? formatDay(item.dueDate) : "";
      return item.kind === "action"
        ? t("notifications.actionOverdue", { title, date })
        : t("notifications.issueOverdue", { title, date });
    }
    const name = who;
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
  if ("item" in n && n.item.kind === "trash") {
    return t("notifications.itemDeleted", { name: who, title: n.item.title });
  }
  if ("item" in n && n.item.kind === "organization") {
    return t("notifications.organizationJoined", { organization: n.item.title });
  }
  if ("item" in n && n.item.kind === "member") {
    if (n.kind === "member_joined")
      return t("notifications.memberJoined", { member: n.item.title });
    return n.actor.id === n.item.id
      ? t("notifications.memberLeft", { member: n.item.title })
      : t("notifications.memberRemoved", { name: who, member: n.item.title });
  }
  if ("item" in n && n.item.kind === "health_check") {
    return n.kind === "health_check_results"
      ? t("notifications.healthCheckResults", { title: n.item.title })
      : t("notifications.healthCheckOpened", { name: n.actor.name, title: n.item.title });
  }
  if ("item" in n) {
    if (n.kind === "decision_waiting" && "proposedBy" in n.item && n.item.proposedBy) {
      return t("notifications.decisionWaitingRecorded", {
        proposer: n.item.proposedBy,
        name: who,
        title: n.item.title,
      });
    }
    return n.kind === "decision_waiting"
      ? t("notifications.decisionWaiting", { name: who, title: n.item.title })
      : t("notifications.charterChanged", { name: who });
  }
  if (!("postTitle" in n)) {
    const name = { name: who };
    if (n.kind === "mention") return t("notifications.commentMention", name);
    if (n.kind === "organization_mention") {
      return t("notifications.commentOrganizationMention", name);
    }
    return t("notifications.commentReply", name);
  }
  const values = { name: who, title: n.postTitle };
  if (n.kind === "mention") return t("notifications.mention", values);
  if (n.kind === "organization_mention") return t("notifications.organizationMention", values);
  return t("notifications.reply", values);
}
