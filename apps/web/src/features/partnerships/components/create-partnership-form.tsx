import type { MyOrganization } from "@entente/protocol";
import { useCallback, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useRouter } from "../../../lib/router";
import { useSubmit } from "../../../lib/use-submit";
import { FormError, SubmitButton, TextField } from "../../../ui/form";
import { useSession } from "../../auth/state/session-provider";
import { partnershipsApi } from "../api/partnerships-api";

export function CreatePartnershipForm({ organization }: { organization: MyOrganization }) {
  const t = useT();
  const { refresh } = useSession();
  const { navigate } = useRouter();
  const [name, setName] = useState("");

  const submit = useSubmit(
    useCallback(async () => {
      const { partnership } = await partnershipsApi.createPartnership({
        name: name.trim(),
        organizationId: organization.id,
      });
      await refresh();
      navigate(`/p/${encodeURIComponent(partnership.id)}`);
    }, [name, organization.id, refresh, navigate]),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    void submit.run();
  };

  return (
    <section className="card" aria-labelledby="create-partnership-title">
      <h2 id="create-partnership-title" className="card__title">
        {t("partnership.create.title")}
      </h2>
      <p className="card__intro">
        {t("partnership.create.intro", { organization: organization.name })}
      </p>
      <form className="form" onSubmit={onSubmit}>
        <TextField
          label={t("partnership.name")}
          name="partnership-name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <FormError error={submit.error} />
        <SubmitButton pending={submit.pending} pendingLabel={t("partnership.create.submitting")}>
          {t("partnership.create.submit")}
        </SubmitButton>
      </form>
    </section>
  );
}
