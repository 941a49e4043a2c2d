import type { DeletedSignedItemView } from "@entente/protocol";
import { useI18n } from "../../../i18n";
import { MeetingList } from "./meeting-list";

/**
 * Signed agenda items deleted since (alone or with their meeting): what was signed, by
 * whom, and who deleted it, from the server's records. A signature never disappears with
 * the thing it signed.
 */
export function DeletedSignedItems({ items }: { items: readonly DeletedSignedItemView[] }) {
  const { t, formatDate } = useI18n();
  if (items.length === 0) return null;
  return (
    <MeetingList
      id="meetings-deleted-signed"
      testId="deleted-signed-items"
      title={t("meetings.deletedSigned.title")}
    >
      <ul className="card meeting-list__items">
        {items.map((item) => {
          const signed = item.signOffs.find((s) => s.signed !== null)?.signed ?? null;
          return (
            <li key={item.itemId} data-testid="deleted-signed-item">
              <strong>
                {signed
                  ? t("meetings.deletedSigned.item", {
                      title: signed.title,
                      meeting: signed.meetingTitle,
                      date: formatDate(signed.meetingStartsAt),
                    })
                  : t("meetings.deletedSigned.untitled")}
              </strong>{" "}
              <span className="muted">
                {t("meetings.deletedSigned.story", {
                  organizations: item.signOffs.map((s) => s.organizationName).join(", "),
                  name: item.deletedBy.name,
                  organization: item.deletedBy.organizationName,
                  date: formatDate(item.deletedAt),
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </MeetingList>
  );
}
