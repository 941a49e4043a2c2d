import { useT } from "../../../i18n";
import { Link } from "../../../lib/router";
import { MainStatus } from "../../../ui/page-status";

export function NotFoundPage() {
  const t = useT();
  return (
    <MainStatus role="alert">
      <p>{t("errors.not_found")}</p>
      <Link to="/">{t("partnership.backHome")}</Link>
    </MainStatus>
  );
}
