/** Whether a member put away a partnership's completed checklist (this browser only). */
const key = (partnershipId: string) => `entente.checklist.dismissed.${partnershipId}`;

export function checklistDismissed(partnershipId: string): boolean {
  try {
    return window.localStorage.getItem(key(partnershipId)) === "1";
  } catch {
    // Storage disabled (privacy modes): the checklist shows until dismissed on this page.
    return false;
  }
}

export function dismissChecklist(partnershipId: string): void {
  try {
    window.localStorage.setItem(key(partnershipId), "1");
  } catch {
    // Not persisted; the checklist stays hidden for this page.
  }
}
