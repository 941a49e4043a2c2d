/**
 * The English catalogue; the source of truth for message keys. `{name}` placeholders are
 * filled by `t(key, { name })` and their names are checked at compile time.
 */
export const en = {
  "app.name": "Entente",
  "app.tagline": "The live workspace for strategic partnerships",
  "common.loading": "Loading…",
  "common.retry": "Try again",
  "common.copy": "Copy",
  "common.copied": "Copied",
  "common.reload": "Reload the page",
  "common.partFailed": "This part of the page could not be loaded.",

  "language.label": "Language",
  "language.en": "English",
  "language.fr": "Français",

  "header.home": "All partnerships",
  "header.logout": "Log out",
  "header.user": "{name}, {organization}",
  "header.organizations": "Organizations in this partnership",

  "auth.email": "Email",
  "auth.password": "Password",
  "auth.passwordHint": "At least 8 characters.",
  "auth.name": "Full name",
  "auth.login.title": "Log in",
  "auth.login.subtitle": "Welcome back to your partnerships.",
  "auth.login.submit": "Log in",
  "auth.login.submitting": "Logging in…",
  "auth.login.noAccount": "No account yet?",
  "auth.login.toSignup": "Create an account",
  "auth.signup.title": "Create your account",
  "auth.signup.subtitle": "Co-own your partnership with the other side, live.",
  "auth.signup.submit": "Create account",
  "auth.signup.submitting": "Creating your account…",
  "auth.signup.hasAccount": "Already have an account?",
  "auth.signup.toLogin": "Log in",

  "errors.invalid_credentials": "Wrong email or password.",
  "errors.email_taken": "An account with this email already exists.",
  "errors.invalid_input": "Please check the fields and try again.",
  "errors.invalid_json": "The request could not be read. Please try again.",
  "errors.unauthorized": "Your session has ended. Please log in again.",
  "errors.forbidden": "You are not allowed to do this.",
  "errors.not_found": "This could not be found.",
  "errors.conflict": "This conflicts with something that already exists.",
  "errors.invitation_used": "This invitation has already been used.",
  "errors.invitation_expired": "This invitation has expired. Ask for a new one.",
  "errors.network": "Cannot reach the server. Check your connection and try again.",
  "errors.generic": "Something went wrong. Please try again.",

  "permission.admin": "Admin",
  "permission.editor": "Editor",
  "permission.viewer": "Viewer",
  "level.strategic": "Strategic",
  "level.tactical": "Tactical",
  "level.operational": "Operational",

  "home.title": "Your partnerships",
  "home.empty":
    "You are not part of a partnership yet. Start one below, or open an invitation link from a partner.",
  "home.createdOn": "Created on {date}",
  "home.seat": "{permission} · {level}",
  "home.yourOrganization": "Your organization",

  "organization.create.title": "Create your organization",
  "organization.create.intro":
    "Everyone in Entente speaks for one organization. Create yours, or accept an invitation from a colleague to join theirs.",
  "organization.name": "Organization name",
  "organization.create.submit": "Create organization",
  "organization.create.submitting": "Creating…",

  "partnership.create.title": "Start a partnership",
  "partnership.create.intro":
    "You start it on behalf of {organization}; then invite your partner organization.",
  "partnership.name": "Partnership name",
  "partnership.create.submit": "Create partnership",
  "partnership.create.submitting": "Creating…",
  "partnership.notFound": "This partnership does not exist, or you are not one of its members.",
  "partnership.backHome": "Back to your partnerships",
  "partnership.members": "Members",
  "partnership.loading": "Opening the partnership…",

  "invite.title": "Invite",
  "invite.kind": "Who are you inviting?",
  "invite.kind.organization": "A partner organization",
  "invite.kind.member": "A colleague from {organization}",
  "invite.role": "Permission",
  "invite.submit": "Create invitation link",
  "invite.submitting": "Creating…",
  "invite.link": "Invitation link",
  "invite.expires": "Valid until {date}. Share it with the person you invite.",
  "invite.accept.title": "Join “{partnership}”",
  "invite.accept.genericTitle": "Join a partnership",
  "invite.accept.intro":
    "You were invited to a partnership on Entente. Accepting gives you access to its shared workspace.",
  "invite.accept.as": "Signed in as {name}.",
  "invite.accept.organizationKind":
    "You are invited to bring your organization into this partnership, with the “{role}” permission.",
  "invite.accept.memberKind":
    "{organization} invites you to join its team in this partnership, with the “{role}” permission.",
  "invite.accept.needOrganization":
    "First create your organization (you will be its admin), then accept.",
  "invite.accept.notAdmin": "Only an admin of {organization} can bring it into a partnership.",
  "invite.accept.otherOrganization":
    "You already belong to {organization}, and a person belongs to one organization only.",
  "invite.accept.alreadyMember": "You are already a member of this partnership.",
  "invite.accept.open": "Open the partnership",
  "invite.accept.invalid": "This invitation link is not valid.",
  "invite.accept.submit": "Accept invitation",
  "invite.accept.expires": "This invitation is valid until {date}.",
  "invite.accept.submitting": "Accepting…",
  "invite.accept.signIn": "Log in or create an account to accept this invitation.",

  "charter.title": "Charter",
  "charter.subtitle":
    "Purpose, scope, shared values, governance rules and exit terms, co-edited by every organization.",
  "charter.readOnly": "Read only",
  "charter.loading": "Loading the editor…",
  "charter.noAccess": "You have no access to the charter of this partnership.",
  "charter.editorLabel": "Charter text",
  "charter.toolbar": "Formatting",
  "charter.toolbar.heading": "Heading",
  "charter.toolbar.bold": "Bold",
  "charter.toolbar.italic": "Italic",
  "charter.toolbar.bulletList": "Bulleted list",
  "charter.toolbar.orderedList": "Numbered list",

  "connection.connecting": "Connecting…",
  "connection.synced": "Synced",
  "connection.offline": "Offline",
  "connection.offline.hint":
    "Your changes are kept here and will sync when the connection is back.",
  "connection.denied": "Access lost",
  "connection.denied.unauthorized": "Your session has ended. Log in again to keep editing.",
  "connection.denied.forbidden": "Your access to this document was withdrawn.",
  "connection.loginAgain": "Log in again",

  "presence.title": "In the document",
  "presence.you": "you",
  "presence.alone": "Nobody else is here right now.",
} as const;

export type MessageKey = keyof typeof en;
