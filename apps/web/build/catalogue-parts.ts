import { transformWithOxc, type Plugin } from "vite";
import { isSignInMessage, SIGN_IN_PART_QUERY } from "../src/i18n/sign-in-messages.ts";

const CATALOGUE = /[\\/]src[\\/]i18n[\\/]messages[\\/](\w+)\.ts$/;

/**
 * `messages/<language>.ts?sign-in` is that catalogue cut down to the sign-in pages' messages
 * (`src/i18n/sign-in-messages.ts`): the catalogue is evaluated at build time (it is a plain
 * object literal) and only the matching entries are emitted.
 */
export function catalogueParts(): Plugin {
  return {
    name: "entente:catalogue-parts",
    async transform(code, id) {
      if (!id.endsWith(SIGN_IN_PART_QUERY)) return null;
      const file = id.slice(0, -SIGN_IN_PART_QUERY.length);
      const language = CATALOGUE.exec(file)?.[1];
      if (!language) return null;
      const { code: javascript } = await transformWithOxc(code, file, { lang: "ts" });
      const module = (await import(
        `data:text/javascript;base64,${Buffer.from(javascript).toString("base64")}`
      )) as Record<string, Record<string, string> | undefined>;
      const catalogue = module[language];
      if (!catalogue) throw new Error(`catalogue-parts: ${file} exports no \`${language}\``);
      const part = Object.fromEntries(
        Object.entries(catalogue).filter(([key]) => isSignInMessage(key)),
      );
      return { code: `export const ${language} = ${JSON.stringify(part)};\n`, map: null };
    },
  };
}
