import { useT } from "../../../i18n";
import { MainStatus } from "../../../ui/page-status";
import { Link } from "@tanstack/react-router";

export function NotFoundPage() {
  const t = useT();
  return (
    <MainStatus role="alert">
      <p>{t("errors.not_found")}</p>
      <Link to="/">{t("partnership.backHome")}</Link>
    </MainStatus>
  );
}
