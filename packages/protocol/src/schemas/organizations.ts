import { z } from "zod";
import { displayName } from "./fields.js";

export const CreateOrganizationBody = z.object({
  name: displayName(100),
});
