// `./en?sign-in`, `./fr?sign-in`: a catalogue's sign-in messages, cut by build/catalogue-parts.ts
// (without that plugin, as in unit tests, the whole catalogue: a superset).
declare module "*?sign-in" {
  export const en: Partial<Record<string, string>>;
  export const fr: Partial<Record<string, string>>;
}
