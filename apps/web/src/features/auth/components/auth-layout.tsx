import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { LanguageSwitcher } from "../../../i18n/language-switcher";

/** The frame of the signed-out pages: brand, language switcher and one centred card. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="auth-layout">
      <header className="auth-layout__bar">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true">
            E
          </span>
          <span className="brand__name">{t("app.name")}</span>
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="auth-layout__main">
        <p className="auth-layout__tagline">{t("app.tagline")}</p>
        <section className="card auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" className="auth-card__title">
            {title}
          </h1>
          <p className="auth-card__subtitle">{subtitle}</p>
          {children}
        </section>
      </main>
    </div>
  );
}
