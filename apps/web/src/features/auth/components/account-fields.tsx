import { useT } from "../../../i18n";
import { TextField } from "../../../ui/form";
import type { NewAccount } from "../state/new-account";

/** The server's `SignupBody` refuses shorter; the browser says so first, in the user's language. */
const MIN_PASSWORD_LENGTH = 8;

/**
 * The e-mail address an account is known by; `autoComplete` is `username` where one signs in
 * (password managers pair it with the password), `email` where the account is created.
 */
export function EmailField({
  autoComplete,
  value,
  onChange,
}: {
  autoComplete: "username" | "email";
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <TextField
      label={t("auth.email")}
      type="email"
      name="email"
      autoComplete={autoComplete}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The password of an account: the current one to sign in, or a new one (its rule told). */
export function PasswordField({
  isNew,
  value,
  onChange,
}: {
  isNew: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <TextField
      label={t("auth.password")}
      {...(isNew ? { hint: t("auth.passwordHint"), minLength: MIN_PASSWORD_LENGTH } : {})}
      type="password"
      name="password"
      autoComplete={isNew ? "new-password" : "current-password"}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The name, e-mail address and password of an account being created. */
export function NewAccountFields({
  value,
  onChange,
}: {
  value: NewAccount;
  onChange: (value: NewAccount) => void;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t("auth.name")}
        name="name"
        autoComplete="name"
        required
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.target.value })}
      />
      <EmailField
        autoComplete="email"
        value={value.email}
        onChange={(email) => onChange({ ...value, email })}
      />
      <PasswordField
        isNew
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
      />
    </>
  );
}
