import type { MessageKey } from "./en";

/** The French catalogue: exactly the keys of `en` (extra or missing keys fail to compile). */
export const fr: Record<MessageKey, string> = {
  "app.name": "Entente",
  "app.tagline": "L’espace de travail partagé des partenariats stratégiques",
  "common.loading": "Chargement…",
  "common.retry": "Réessayer",
  "common.copy": "Copier",
  "common.copied": "Copié",
  "common.reload": "Recharger la page",
  "common.partFailed": "Cette partie de la page n’a pas pu être chargée.",

  "language.label": "Langue",
  "language.en": "English",
  "language.fr": "Français",

  "header.home": "Tous les partenariats",
  "header.logout": "Se déconnecter",
  "header.user": "{name}, {organization}",
  "header.organizations": "Organisations de ce partenariat",

  "auth.email": "Adresse e-mail",
  "auth.password": "Mot de passe",
  "auth.passwordHint": "Au moins 8 caractères.",
  "auth.name": "Nom complet",
  "auth.login.title": "Connexion",
  "auth.login.subtitle": "Retrouvez vos partenariats.",
  "auth.login.submit": "Se connecter",
  "auth.login.submitting": "Connexion…",
  "auth.login.noAccount": "Pas encore de compte ?",
  "auth.login.toSignup": "Créer un compte",
  "auth.signup.title": "Créer votre compte",
  "auth.signup.subtitle": "Pilotez votre partenariat avec l’autre partie, en direct.",
  "auth.signup.submit": "Créer le compte",
  "auth.signup.submitting": "Création du compte…",
  "auth.signup.hasAccount": "Vous avez déjà un compte ?",
  "auth.signup.toLogin": "Se connecter",

  "errors.invalid_credentials": "Adresse e-mail ou mot de passe incorrect.",
  "errors.email_taken": "Un compte existe déjà avec cette adresse e-mail.",
  "errors.invalid_input": "Vérifiez les champs et réessayez.",
  "errors.invalid_json": "La requête n’a pas pu être lue. Réessayez.",
  "errors.unauthorized": "Votre session a expiré. Reconnectez-vous.",
  "errors.forbidden": "Vous n’avez pas le droit de faire cela.",
  "errors.not_found": "Introuvable.",
  "errors.conflict": "Cela entre en conflit avec un élément existant.",
  "errors.invitation_used": "Cette invitation a déjà été utilisée.",
  "errors.invitation_expired": "Cette invitation a expiré. Demandez-en une nouvelle.",
  "errors.network": "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
  "errors.generic": "Une erreur est survenue. Réessayez.",

  "permission.admin": "Administrateur",
  "permission.editor": "Éditeur",
  "permission.viewer": "Lecteur",
  "level.strategic": "Stratégique",
  "level.tactical": "Tactique",
  "level.operational": "Opérationnel",

  "home.title": "Vos partenariats",
  "home.empty":
    "Vous ne faites encore partie d’aucun partenariat. Lancez-en un ci-dessous, ou ouvrez le lien d’invitation d’un partenaire.",
  "home.createdOn": "Créé le {date}",
  "home.seat": "{permission} · {level}",
  "home.yourOrganization": "Votre organisation",

  "organization.create.title": "Créer votre organisation",
  "organization.create.intro":
    "Dans Entente, chacun s’exprime au nom d’une organisation. Créez la vôtre, ou acceptez l’invitation d’un collègue pour rejoindre la sienne.",
  "organization.name": "Nom de l’organisation",
  "organization.create.submit": "Créer l’organisation",
  "organization.create.submitting": "Création…",

  "partnership.create.title": "Lancer un partenariat",
  "partnership.create.intro":
    "Vous le lancez au nom de {organization}, puis vous invitez l’organisation partenaire.",
  "partnership.name": "Nom du partenariat",
  "partnership.create.submit": "Créer le partenariat",
  "partnership.create.submitting": "Création…",
  "partnership.notFound": "Ce partenariat n’existe pas, ou vous n’en êtes pas membre.",
  "partnership.backHome": "Retour à vos partenariats",
  "partnership.members": "Membres",
  "partnership.loading": "Ouverture du partenariat…",

  "invite.title": "Inviter",
  "invite.kind": "Qui invitez-vous ?",
  "invite.kind.organization": "Une organisation partenaire",
  "invite.kind.member": "Un collègue de {organization}",
  "invite.role": "Droits",
  "invite.submit": "Créer le lien d’invitation",
  "invite.submitting": "Création…",
  "invite.link": "Lien d’invitation",
  "invite.expires": "Valable jusqu’au {date}. Transmettez-le à la personne invitée.",
  "invite.accept.title": "Rejoindre « {partnership} »",
  "invite.accept.genericTitle": "Rejoindre un partenariat",
  "invite.accept.intro":
    "Vous avez été invité à un partenariat sur Entente. En acceptant, vous accédez à son espace de travail partagé.",
  "invite.accept.as": "Connecté en tant que {name}.",
  "invite.accept.organizationKind":
    "Vous êtes invité à faire entrer votre organisation dans ce partenariat, avec les droits « {role} ».",
  "invite.accept.memberKind":
    "{organization} vous invite à rejoindre son équipe dans ce partenariat, avec les droits « {role} ».",
  "invite.accept.needOrganization":
    "Créez d’abord votre organisation (vous en serez l’administrateur), puis acceptez.",
  "invite.accept.notAdmin":
    "Seul un administrateur de {organization} peut la faire entrer dans un partenariat.",
  "invite.accept.otherOrganization":
    "Vous appartenez déjà à {organization}, et chacun n’appartient qu’à une seule organisation.",
  "invite.accept.alreadyMember": "Vous êtes déjà membre de ce partenariat.",
  "invite.accept.open": "Ouvrir le partenariat",
  "invite.accept.invalid": "Ce lien d’invitation n’est pas valide.",
  "invite.accept.submit": "Accepter l’invitation",
  "invite.accept.expires": "Cette invitation est valable jusqu’au {date}.",
  "invite.accept.submitting": "Acceptation…",
  "invite.accept.signIn": "Connectez-vous ou créez un compte pour accepter cette invitation.",

  "charter.title": "Charte",
  "charter.subtitle":
    "Raison d’être, périmètre, valeurs partagées, règles de gouvernance et conditions de sortie, rédigées ensemble par chaque organisation.",
  "charter.readOnly": "Lecture seule",
  "charter.loading": "Chargement de l’éditeur…",
  "charter.noAccess": "Vous n’avez pas accès à la charte de ce partenariat.",
  "charter.editorLabel": "Texte de la charte",
  "charter.toolbar": "Mise en forme",
  "charter.toolbar.heading": "Titre",
  "charter.toolbar.bold": "Gras",
  "charter.toolbar.italic": "Italique",
  "charter.toolbar.bulletList": "Liste à puces",
  "charter.toolbar.orderedList": "Liste numérotée",

  "connection.connecting": "Connexion…",
  "connection.synced": "Synchronisé",
  "connection.offline": "Hors ligne",
  "connection.offline.hint":
    "Vos modifications sont conservées ici et seront synchronisées au retour de la connexion.",
  "connection.denied": "Accès perdu",
  "connection.denied.unauthorized":
    "Votre session a expiré. Reconnectez-vous pour continuer à écrire.",
  "connection.denied.forbidden": "Votre accès à ce document a été retiré.",
  "connection.loginAgain": "Se reconnecter",

  "presence.title": "Dans le document",
  "presence.you": "vous",
  "presence.alone": "Personne d’autre n’est là pour l’instant.",
};
