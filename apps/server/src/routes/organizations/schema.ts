import { z } from "zod";
import { displayName } from "../../http/display-name.js";

export const CreateOrganizationBody = z.object({
  name: displayName(100),
});
