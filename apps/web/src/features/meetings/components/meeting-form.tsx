import type { GovernanceLevel } from "@entente/domain";
import { MEETING_KINDS, type MeetingKind, type MeetingView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import type { ApiError } from "../../../lib/api-client";
import { ChoiceField, InputField, SelectField } from "../../../ui/fields";
import { FormError } from "../../../ui/form";
import { LevelField, TitleField } from "../../items";
import { OrganizationChip, usePartnershipContext } from "../../partnerships";
import type { AgendaItemInput, MeetingInput } from "../api/meetings-api";
import { defaultLevelOf, nextFullHour } from "../state/meetings-state";
import {
  browserTimeZone,
  fromZonedInputs,
  knownTimeZones,
  toZonedInputs,
} from "../state/time-zones";
import { defaultParticipantIds } from "../state/default-participants";
import { AgendaRowsField, type AgendaRow } from "./agenda-rows-field";

export interface MeetingFormValues extends Required<MeetingInput> {
  agenda: AgendaItemInput[];
}

/**
 * A meeting's title, kind, level, time, facilitator and participants (chosen among the
 * partnership's members of every organization), and, when it is created, its first agenda.
 */
export function MeetingForm({
  initial,
  label,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  /** The meeting edited; `null` for a new one (which also gets an agenda). */
  initial: MeetingView | null;
  label: string;
  submitLabel: string;
  pending: boolean;
  error: ApiError | null;
  onSubmit: (values: MeetingFormValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { organizations, members, me } = usePartnershipContext();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [kind, setKind] = useState<MeetingKind>(initial?.kind ?? "operational_sync");
  const [level, setLevel] = useState<GovernanceLevel>(initial?.level ?? "operational");
  // The date and time are typed in the meeting's zone (the creator's own by default).
  const [timeZone, setTimeZone] = useState(() => initial?.timeZone ?? browserTimeZone());
  const [when, setWhen] = useState(() =>
    toZonedInputs(initial?.startsAt ?? nextFullHour(new Date()), timeZone),
  );
  const [place, setPlace] = useState(initial?.place ?? "");
  const [videoUrl, setVideoUrl] = useState(initial?.videoUrl ?? "");
  const [duration, setDuration] = useState(String(initial?.durationMinutes ?? 60));
  const [facilitatorId, setFacilitatorId] = useState(initial?.facilitator.id ?? me.userId);
  const [participantIds, setParticipantIds] = useState<string[]>(
    // A new meeting proposes both organizations' members; each can be removed.
    () => (initial ? initial.participants.map((p) => p.id) : defaultParticipantIds(members)),
  );
  const [agenda, setAgenda] = useState<AgendaRow[]>([]);
  const [invalidTime, setInvalidTime] = useState(false);
  // Handing the facilitation over is for the facilitator or an admin (the server's rule).
  const canHandOver =
    initial === null || initial.facilitator.id === me.userId || me.permission === "admin";

  const changeKind = (next: MeetingKind) => {
    setKind(next);
    // The level follows the kind (a steering committee is strategic) until chosen by hand.
    const usual = defaultLevelOf(next);
    if (usual) setLevel(usual);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = fromZonedInputs(when, timeZone);
    setInvalidTime(startsAt === null);
    if (startsAt === null) return;
    onSubmit({
      title: title.trim(),
      kind,
      level,
      startsAt,
      durationMinutes: Number(duration),
      timeZone,
      place: place.trim(),
      videoUrl: videoUrl.trim() === "" ? null : videoUrl.trim(),
      facilitatorId,
      // The facilitator always takes part (the server adds them anyway).
      participantIds: participantIds.includes(facilitatorId)
        ? participantIds
        : [...participantIds, facilitatorId],
      agenda: agenda
        .filter((row) => row.title.trim() !== "")
        .map((row) => ({
          title: row.title.trim(),
          ownerOrganizationId: row.ownerOrganizationId,
          timeboxMinutes: Number(row.timeboxMinutes),
        })),
    });
  };

  const toggle = (userId: string, checked: boolean) =>
    setParticipantIds((current) =>
      checked ? [...current, userId] : current.filter((id) => id !== userId),
    );

  return (
    <form className="item-form" aria-label={label} onSubmit={submit} data-testid="meeting-form">
      <div className="item-form__grid">
        <TitleField label={t("meetings.field.title")} value={title} onChange={setTitle} />
        <ChoiceField
          label={t("meetings.field.kind")}
          value={kind}
          values={MEETING_KINDS}
          optionLabel={(v) => t(`meetings.kind.${v}`)}
          onChange={changeKind}
        />
        <LevelField value={level} onChange={setLevel} />
        <InputField
          label={t("meetings.field.date")}
          type="date"
          required
          value={when.date}
          onChange={(e) => setWhen((w) => ({ ...w, date: e.target.value }))}
        />
        <InputField
          label={t("meetings.field.time")}
          type="time"
          required
          value={when.time}
          onChange={(e) => setWhen((w) => ({ ...w, time: e.target.value }))}
        />
        <InputField
          label={t("meetings.field.duration")}
          type="number"
          required
          min={5}
          max={1440}
          step={5}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
        />
        <SelectField
          label={t("meetings.field.timeZone")}
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          options={knownTimeZones(timeZone).map((zone) => ({ value: zone, label: zone }))}
          data-testid="meeting-time-zone"
        />
        <InputField
          label={t("meetings.field.place")}
          value={place}
          maxLength={300}
          onChange={(e) => setPlace(e.target.value)}
        />
        <InputField
          label={t("meetings.field.videoUrl")}
          type="url"
          pattern="https://.+"
          title={t("meetings.field.videoUrlHint")}
          placeholder="https://"
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.target.value)}
        />
        <SelectField
          label={t("meetings.field.facilitator")}
          value={facilitatorId}
          disabled={!canHandOver}
          onChange={(e) => setFacilitatorId(e.target.value)}
          options={organizations.map((o) => ({
            group: o.name,
            options: members
              .filter((m) => m.organizationId === o.id)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((m) => ({ value: m.id, label: m.name })),
          }))}
        />
        <fieldset className="fieldset field item-form__wide" data-testid="participants-field">
          <legend className="field__label">{t("meetings.field.participants")}</legend>
          {initial === null ? (
            <p className="muted" data-testid="participants-hint">
              {t("meetings.field.participantsHint")}
            </p>
          ) : null}
          <div className="participant-picker">
            {organizations.map((organization) => (
              <div key={organization.id} className="participant-picker__org">
                <OrganizationChip organizationId={organization.id} />
                <div className="checkbox-row">
                  {members
                    .filter((m) => m.organizationId === organization.id)
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((member) => (
                      <label key={member.id} className="choice">
                        <input
                          type="checkbox"
                          checked={
                            participantIds.includes(member.id) || member.id === facilitatorId
                          }
                          disabled={member.id === facilitatorId}
                          onChange={(e) => toggle(member.id, e.target.checked)}
                        />
                        {member.name}
                      </label>
                    ))}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        {initial === null ? <AgendaRowsField rows={agenda} onChange={setAgenda} /> : null}
      </div>
      {invalidTime ? (
        <p className="form-error" role="alert">
          {t("meetings.field.invalidTime")}
        </p>
      ) : null}
      <FormError error={error} />
      <div className="item-form__buttons">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={pending}
          aria-busy={pending}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
