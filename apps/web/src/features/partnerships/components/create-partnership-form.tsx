import type { MyOrganization, PartnershipTemplateChoice } from "@entente/protocol";
import { useState } from "react";
import { useI18n, useT } from "../../../i18n";
import { useNavigate } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { useSession } from "../../auth";
import { TemplatePicker } from "../../onboarding";
import { partnershipsApi } from "../api/partnerships-api";
import { CreateCard } from "./create-card";

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

  return (
    <CreateCard
      id="create-partnership-title"
      title={t("partnership.create.title")}
      intro={t("partnership.create.intro", { organization: organization.name })}
      nameLabel={t("partnership.name")}
      fieldName="partnership-name"
      name={name}
      onNameChange={setName}
      submit={submit}
      submitLabel={t("partnership.create.submit")}
      submittingLabel={t("partnership.create.submitting")}
    >
      <TemplatePicker value={template} onChange={setTemplate} />
    </CreateCard>
  );
}
