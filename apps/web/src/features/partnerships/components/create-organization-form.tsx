import { useState } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { useSession } from "../../auth";
import { partnershipsApi } from "../api/partnerships-api";
import { CreateCard } from "./create-card";

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

  return (
    <CreateCard
      id="create-organization-title"
      title={t("organization.create.title")}
      intro={t("organization.create.intro")}
      nameLabel={t("organization.name")}
      fieldName="organization-name"
      name={name}
      onNameChange={setName}
      submit={submit}
      submitLabel={t("organization.create.submit")}
      submittingLabel={t("organization.create.submitting")}
    />
  );
}
