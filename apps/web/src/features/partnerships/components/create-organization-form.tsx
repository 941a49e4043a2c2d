import { useState } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { FormError, SubmitButton, TextField, submitWhenValid } from "../../../ui/form";
import { useSession } from "../../auth";
import { partnershipsApi } from "../api/partnerships-api";

export function CreateOrganizationForm() {
  const t = useT();
  const { refresh } = useSession();
  const [name, setName] = useState("");

  const submit = useMutation({
    mutationFn: async () => {
      await partnershipsApi.createOrganization(name.trim());
      await refresh();
    },
  });

  const onSubmit = submitWhenValid(() => submit.mutate());

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
        <SubmitButton pending={submit.isPending} pendingLabel={t("organization.create.submitting")}>
          {t("organization.create.submit")}
        </SubmitButton>
      </form>
    </section>
  );
}
