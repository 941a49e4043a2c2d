import { expect, test } from "@playwright/test";
import { asPartners, closeEach, onDemoPartnership } from "./fixtures/session";
import { TrashPage } from "./fixtures/trash-page";

test("Southpeak deletes a Northwind action: Northwind is told, finds it in the trash and restores it", async ({
  browser,
}) => {
  // Two signed-in browsers on a shared, busy machine.
  test.setTimeout(180_000);
  await asPartners(browser, onDemoPartnership, closeEach, async (north, south) => {
    const amaraView = north.partnership;
    const sofiaView = south.partnership;
    await Promise.all([amaraView.openSection("objectives"), sofiaView.openSection("objectives")]);

    const objective = `Depot pilot ${Date.now()}`;
    const action = "Book the Lyon depot";
    await amaraView.createObjective(objective);
    await amaraView.addAction(objective, action, "Northwind");
    await expect(sofiaView.action(objective, action)).toBeVisible();

    // Southpeak deletes Northwind's action with one inline confirmation.
    const sofiaAction = sofiaView.action(objective, action);
    await sofiaAction.getByRole("button", { name: `Delete action “${action}”` }).click();
    await sofiaAction.getByRole("button", { name: "Confirm delete" }).click();
    await expect(amaraView.action(objective, action)).toHaveCount(0);

    // Southpeak sees it in the trash too.
    const sofiaTrash = new TrashPage(south.page);
    await sofiaTrash.open();
    await expect(sofiaTrash.entry(action)).toContainText("Deleted by Southpeak · Sofia Marchetti");

    // Northwind is told who deleted it, and the notification leads to the trash.
    const amaraTrash = new TrashPage(north.page);
    await amaraTrash.followNotification(`Sofia Marchetti deleted “${action}”`);
    const entry = amaraTrash.entry(action);
    await expect(entry).toContainText("Action · owned by Northwind");
    await expect(entry).toContainText("Deleted by Southpeak · Sofia Marchetti");
    await amaraTrash.restore(action);

    // Back for both sides, live, under its own id.
    await amaraView.openSection("objectives");
    await expect(amaraView.action(objective, action)).toBeVisible();
    await sofiaView.openSection("objectives");
    await expect(sofiaView.action(objective, action)).toBeVisible();

    // Its history says who did what: created by Northwind, and the restore is Amara's edit.
    const amaraAction = amaraView.action(objective, action);
    await amaraAction.getByTestId("item-comments").click();
    const history = north.page.getByTestId("item-comments-dialog").getByTestId("entry-history");
    await expect(history).toHaveAttribute("data-status", "ready");
    await expect(history.getByTestId("entry-history-change").first()).toContainText(
      "Created by Northwind · Amara Diallo",
    );
  });
});
