/** What someone creating an account types. */
export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

export const NO_ACCOUNT: NewAccount = { name: "", email: "", password: "" };

/** What is sent: the name and the address without the spaces around them, the password as typed. */
export function trimmedAccount({ name, email, password }: NewAccount): NewAccount {
  return { name: name.trim(), email: email.trim(), password };
}
