import { useCallback, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useSubmit } from "../../../lib/use-submit";
import { FormError, SubmitButton, TextField } from "../../../ui/form";
import { useSession } from "../../auth/state/session-provider";
import { partnershipsApi } from "../api/partnerships-api";

export function CreateOrganizationForm() {
  const t = useT();
  const { refresh } = useSession();
  const [name, setName] = useState("");

  const submit = useSubmit(
    useCallback(async () => {
      await partnershipsApi.createOrganization(name.trim());
      await refresh();
    }, [name, refresh]),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    void submit.run();
  };

  return (
    <section className="card" aria-labelledby="create-organization-title">
      <h2 id="create-organization-title" className="card__title">
        {t("organization.create.title")}
      </h2>
      <p className="card__intro">{t("organization.create.intro")}</p>
      <form className="form" onSubmit={onSubmit}>
        <TextField
          label={t("organization.name")}
          name="organization-name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <FormError error={submit.error} />
        <SubmitButton pending={submit.pending} pendingLabel={t("organization.create.submitting")}>
          {t("organization.create.submit")}
        </SubmitButton>
      </form>
    </section>
  );
}
