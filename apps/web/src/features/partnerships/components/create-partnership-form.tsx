import type { MyOrganization, PartnershipTemplateChoice } from "@entente/protocol";
import { useState } from "react";
import { useI18n, useT } from "../../../i18n";
import { useNavigate } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { FormError, SubmitButton, TextField, submitWhenValid } from "../../../ui/form";
import { useSession } from "../../auth";
import { TemplatePicker } from "../../onboarding";
import { partnershipsApi } from "../api/partnerships-api";

/**
 * Starts a partnership, from a template or blank. On the first-run path a template is chosen
 * by default and the next step is inviting the partner (`/start/:id`); otherwise the new
 * partnership opens.
 */
export function CreatePartnershipForm({
  organization,
  firstRun = false,
}: {
  organization: MyOrganization;
  firstRun?: boolean;
}) {
  const t = useT();
  const { language } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [template, setTemplate] = useState<PartnershipTemplateChoice | null>(
    firstRun ? { id: "strategic-alliance", language } : null,
  );

  const submit = useMutation({
    mutationFn: async () => {
      const { partnership } = await partnershipsApi.createPartnership({
        name: name.trim(),
        organizationId: organization.id,
        ...(template ? { template } : {}),
      });
      await refresh();
      const path = encodeURIComponent(partnership.id);
      void navigate({ href: firstRun ? `/start/${path}` : `/p/${path}` });
    },
  });

  const onSubmit = submitWhenValid(() => submit.mutate());

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
        <TemplatePicker value={template} onChange={setTemplate} />
        <FormError error={submit.error} />
        <SubmitButton pending={submit.isPending} pendingLabel={t("partnership.create.submitting")}>
          {t("partnership.create.submit")}
        </SubmitButton>
      </form>
    </section>
  );
}
