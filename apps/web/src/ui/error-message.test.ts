import { describe, expect, it } from "vitest";
import { ApiError, NETWORK_ERROR_STATUS } from "../lib/api-client";
import { createTranslate } from "../i18n/translate";
import { en } from "../i18n/messages/en";
import { fr } from "../i18n/messages/fr";
import { errorMessage } from "./error-message";

describe("errorMessage", () => {
  it("tells an offline user that the action needs a connection, in English and French", () => {
    const offline = new ApiError(NETWORK_ERROR_STATUS, "offline", "Failed to fetch");
    expect(errorMessage(createTranslate(en, "en"), offline)).toMatch(
      /^You are offline: this needs a connection/,
    );
    expect(errorMessage(createTranslate(fr, "fr"), offline)).toMatch(
      /^Vous êtes hors ligne : cette action a besoin d’une connexion/,
    );
  });
});
