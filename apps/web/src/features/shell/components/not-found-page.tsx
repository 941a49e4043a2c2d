import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { PageStatus } from "../../../ui/page-status";

export function NotFoundPage() {
  const t = useT();
  return (
    <PageStatus role="alert">
      <p>{t("errors.not_found")}</p>
      <Link to="/">{t("partnership.backHome")}</Link>
    </PageStatus>
  );
}
