import { useContext, type Context } from "react";

/**
 * The value of a context that only its provider gives: a hook read outside that provider is a
 * programming error, and says so by name (`useSession must be used inside <SessionProvider>`).
 */
export function useRequiredContext<T>(
  context: Context<T | null>,
  hook: string,
  provider: string,
): T {
  const value = useContext(context);
  if (value === null) throw new Error(`${hook} must be used inside <${provider}>`);
  return value;
}
