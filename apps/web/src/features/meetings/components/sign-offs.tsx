import { ErrorCode, type AgendaItemView } from "@entente/protocol";
import { useI18n } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { FormError } from "../../../ui/form";
import { OrganizationChip, canAct, usePartnershipContext } from "../../partnerships";
import { useHasStarted } from "../hooks/use-has-started";
import { useMeetingFormat } from "../hooks/use-meeting-format";

/**
 * Each organization's sign-off of an item (who, when, and whether what it signed changed
 * since: then it is shown but not counted), what a sign-off covers, and the button that
 * signs the item off, as the user reads it, for the user's organization: only once the
 * meeting has started (before, it says from when).
 */
export function SignOffs({
  item,
  meetingStartsAt,
  onSignOff,
}: {
  item: AgendaItemView;
  /** The meeting's start (ISO): minutes are signed off from then on. */
  meetingStartsAt: string;
  onSignOff: () => Promise<void>;
}) {
  const { t, formatDate } = useI18n();
  const format = useMeetingFormat();
  const started = useHasStarted(meetingStartsAt);
  const context = usePartnershipContext();
  const { mutate: run, isPending: pending, error } = useMutation({ mutationFn: onSignOff });
  const mine = item.signOffs.find((s) => s.organizationId === context.me.organizationId);
  const myOrganization = context.organizations.find((o) => o.id === context.me.organizationId);
  const mayAct = canAct(context) && myOrganization !== undefined;

  return (
    <div className="sign-offs" data-testid="sign-offs">
      <h5 className="sign-offs__title">{t("meetings.signOff.title")}</h5>
      <ul className="sign-offs__list">
        {context.organizations.map((organization) => {
          const signOff = item.signOffs.find((s) => s.organizationId === organization.id);
          const state = !signOff ? "none" : signOff.changedSince ? "changed" : "current";
          return (
            <li
              key={organization.id}
              className="sign-offs__row"
              data-testid="sign-off"
              data-organization-id={organization.id}
              data-state={state}
            >
              <OrganizationChip organizationId={organization.id} />
              {signOff ? (
                <span className="sign-offs__detail">
                  {t("meetings.signOff.by", {
                    name: signOff.signedBy.name,
                    date: formatDate(signOff.signedAt),
                  })}{" "}
                  {signOff.changedSince ? (
                    <span className="pill pill--warning" data-testid="sign-off-changed">
                      {t("meetings.signOff.changed")} · {t("meetings.signOff.notCounted")}
                    </span>
                  ) : (
                    <span className="pill pill--good">{t("meetings.signOff.current")}</span>
                  )}
                </span>
              ) : (
                <span className="sign-offs__detail muted">{t("meetings.signOff.none")}</span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted sign-offs__covers">{t("meetings.signOff.covers")}</p>
      {mayAct && (!mine || mine.changedSince) && !started ? (
        <p className="muted" data-testid="sign-off-not-yet">
          {t("meetings.signOff.notYet", { date: format.dateTime(meetingStartsAt) })}
        </p>
      ) : null}
      {mayAct && (!mine || mine.changedSince) && started ? (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => void run()}
          disabled={pending}
          aria-busy={pending}
        >
          {t("meetings.signOff.action", { organization: myOrganization.name })}
        </button>
      ) : null}
      {error?.code === ErrorCode.MeetingNotStarted ? (
        <p className="form-error" role="alert">
          {t("meetings.signOff.notYet", { date: format.dateTime(meetingStartsAt) })}
        </p>
      ) : error?.status === 409 ? (
        <p className="form-error" role="alert">
          {t("meetings.signOff.movedOn")}
        </p>
      ) : (
        <FormError error={error} />
      )}
    </div>
  );
}
