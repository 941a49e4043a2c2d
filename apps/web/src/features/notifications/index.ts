/**
 * What the other features use of notifications (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { NotificationBell } from "./components/notification-bell";
export { requestOpenNotifications } from "./state/open-request";
