import type { MeetingView } from "@entente/protocol";
import { useCallback, useState, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { useNavigate } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { EmptyState } from "../../../ui/empty-state";
import { errorMessage } from "../../../ui/error-message";
import { PageStatus } from "../../../ui/page-status";
import { useCreateIntent, canAct, usePartnershipContext } from "../../partnerships";
import { useMeetings } from "../hooks/use-meetings";
import { meetingPath } from "../state/meeting-paths";
import { splitMeetings } from "../state/meetings-state";
import { DeletedSignedItems } from "./deleted-signed-items";
import { MeetingCard } from "./meeting-card";
import { MeetingForm, type MeetingFormValues } from "./meeting-form";
import { MeetingList } from "./meeting-list";
import { RhythmPanel } from "./rhythm-panel";
import "../meetings.css";
import { SectionHeading } from "../../../ui/section-heading";

/**
 * The meetings of a partnership (a lazy chunk): the governance rhythm with its overdue
 * levels, the "new meeting" form, then upcoming and past meetings. Live: any meeting
 * change on the partnership's event stream reads the list again.
 */
export default function MeetingsSection() {
  const t = useT();
  const context = usePartnershipContext();
  const navigate = useNavigate();
  const { data, loadError, create, setRhythm } = useMeetings(context.partnershipId);
  const [creating, setCreating] = useState(false);

  const createMeeting = useCallback(
    async (values: MeetingFormValues) => {
      const meeting = await create(values);
      setCreating(false);
      void navigate({ href: meetingPath(context.partnershipId, meeting.id) });
    },
    [create, navigate, context.partnershipId],
  );
  const submit = useMutation({ mutationFn: createMeeting });
  useCreateIntent(canAct(context), () => {
    submit.reset();
    setCreating(true);
  });

  return (
    <section className="section meetings" aria-labelledby="meetings-title">
      <SectionHeading
        id="meetings-title"
        title={t("meetings.title")}
        subtitle={t("meetings.subtitle")}
      >
        {canAct(context) && !creating ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              submit.reset();
              setCreating(true);
            }}
          >
            {t("meetings.new")}
          </button>
        ) : null}
      </SectionHeading>

      {loadError ? (
        <div className="notice notice--warning" role="alert">
          {errorMessage(t, loadError)}
        </div>
      ) : null}

      {creating ? (
        <div className="card">
          <MeetingForm
            initial={null}
            label={t("meetings.new")}
            submitLabel={t("meetings.create")}
            pending={submit.isPending}
            error={submit.error}
            onSubmit={(values) => void submit.mutate(values)}
            onCancel={() => setCreating(false)}
          />
        </div>
      ) : null}

      {data ? (
        <>
          <RhythmPanel rhythm={data.rhythm} onSave={setRhythm} />
          <MeetingLists
            meetings={data.meetings}
            onPlan={
              canAct(context) && !creating
                ? () => {
                    submit.reset();
                    setCreating(true);
                  }
                : null
            }
          />
          <DeletedSignedItems items={data.deletedSignedItems} />
        </>
      ) : loadError ? null : (
        <PageStatus>{t("common.loading")}</PageStatus>
      )}
    </section>
  );
}

function MeetingLists({
  meetings,
  onPlan,
}: {
  meetings: readonly MeetingView[];
  /** Opens the new-meeting form; null for a reader who may not plan one. */
  onPlan: (() => void) | null;
}) {
  const t = useT();
  const { upcoming, past } = splitMeetings(meetings, new Date());
  return (
    <>
      <MeetingList id="meetings-upcoming" title={t("meetings.upcoming")}>
        <MeetingCards
          meetings={upcoming}
          empty={
            <EmptyState
              title={t("meetings.upcomingEmpty")}
              text={onPlan ? t("meetings.upcomingEmptyHint") : t("meetings.upcomingEmptyReadOnly")}
              action={onPlan ? { label: t("meetings.planNext"), onClick: onPlan } : null}
            />
          }
        />
      </MeetingList>
      <MeetingList id="meetings-past" title={t("meetings.past")}>
        <MeetingCards
          meetings={past}
          empty={<EmptyState title={t("meetings.pastEmpty")} text={t("meetings.pastEmptyHint")} />}
        />
      </MeetingList>
    </>
  );
}

/** The cards of a list of meetings, or `empty` when there are none. */
function MeetingCards({ meetings, empty }: { meetings: readonly MeetingView[]; empty: ReactNode }) {
  if (meetings.length === 0) return empty;
  return (
    <ul className="meeting-list__items">
      {meetings.map((meeting) => (
        <MeetingCard key={meeting.id} meeting={meeting} />
      ))}
    </ul>
  );
}
