import type { GovernanceLevel } from "@entente/domain";
import type {
  Language,
  PartnershipTemplateContent,
  PartnershipTemplateId,
  PartnershipTemplateView,
  TemplateRhythm,
} from "@entente/protocol";

/**
 * The partnership templates, as plain data: each text is written in English and French side
 * by side, so a translation cannot go missing or drift from its original. The French follows
 * the domain text (`partnership-article-fr.txt`): « objectifs partagés », « cadre de décision
 * partagé », « points de contact réguliers », « évaluation continue ».
 */

type Both<T> = Record<Language, T>;

interface TemplateDefinition {
  id: PartnershipTemplateId;
  about: Both<{ name: string; summary: string }>;
  rhythm: TemplateRhythm[];
  charterSections: Both<{ heading: string; prompt: string }>[];
  objectives: {
    governanceLevel: GovernanceLevel;
    text: Both<{ title: string; description: string }>;
  }[];
  healthDimensions: { key: string; label: Both<string> }[];
}

/** Sections every charter needs, whatever the kind of partnership: written once. */
const PURPOSE = (prompt: Both<string>): Both<{ heading: string; prompt: string }> => ({
  en: { heading: "Purpose", prompt: prompt.en },
  fr: { heading: "Raison d’être", prompt: prompt.fr },
});

const GOVERNANCE: Both<{ heading: string; prompt: string }> = {
  en: {
    heading: "Governance and decisions",
    prompt:
      "Who sits on the steering committee, how often each level meets, which decisions need both organizations’ approval, and how an issue is escalated.",
  },
  fr: {
    heading: "Gouvernance et décisions",
    prompt:
      "Qui siège au comité de pilotage, à quel rythme chaque niveau se réunit, quelles décisions exigent l’accord des deux organisations, et comment un problème remonte.",
  },
};

const EXIT: Both<{ heading: string; prompt: string }> = {
  en: {
    heading: "Exit terms",
    prompt:
      "How either side may leave, with what notice, and what happens to shared work, data and commitments in progress.",
  },
  fr: {
    heading: "Conditions de sortie",
    prompt:
      "Comment chaque partie peut se retirer, avec quel préavis, et ce que deviennent les travaux communs, les données et les engagements en cours.",
  },
};

const TRUST: { key: string; label: Both<string> } = {
  key: "trust",
  label: { en: "Trust", fr: "Confiance" },
};
const TRANSPARENCY: { key: string; label: Both<string> } = {
  key: "transparency",
  label: { en: "Transparency about constraints", fr: "Transparence sur les contraintes" },
};
const COMMUNICATION: { key: string; label: Both<string> } = {
  key: "communication",
  label: { en: "Communication", fr: "Communication" },
};
const DECISION_SPEED: { key: string; label: Both<string> } = {
  key: "governance",
  label: { en: "Governance and decision speed", fr: "Gouvernance et rapidité de décision" },
};

const DEFINITIONS: readonly TemplateDefinition[] = [
  {
    id: "strategic-alliance",
    about: {
      en: {
        name: "Strategic alliance",
        summary:
          "Two organizations pool resources and expertise to reach shared objectives neither would reach alone, while each stays independent.",
      },
      fr: {
        name: "Alliance stratégique",
        summary:
          "Deux organisations mutualisent leurs ressources et leurs expertises pour atteindre des objectifs partagés qu’aucune n’atteindrait seule, chacune restant indépendante.",
      },
    },
    rhythm: [
      { level: "strategic", intervalDays: 90 },
      { level: "tactical", intervalDays: 30 },
      { level: "operational", intervalDays: 7 },
    ],
    charterSections: [
      PURPOSE({
        en: "Why we join forces: the shared ambition, and what each organization hopes to gain from it.",
        fr: "Pourquoi nous nous allions : l’ambition commune, et ce que chaque organisation espère en retirer.",
      }),
      {
        en: {
          heading: "Scope",
          prompt:
            "The markets, products and activities the alliance covers, and what stays outside it.",
        },
        fr: {
          heading: "Périmètre",
          prompt:
            "Les marchés, produits et activités que couvre l’alliance, et ce qui en reste exclu.",
        },
      },
      {
        en: {
          heading: "Shared values and principles",
          prompt:
            "How we work together: trust, transparency about our constraints, sharing successes as well as difficulties.",
        },
        fr: {
          heading: "Valeurs et principes partagés",
          prompt:
            "Notre manière de travailler ensemble : confiance, transparence sur nos contraintes, partager autant les succès que les difficultés.",
        },
      },
      {
        en: {
          heading: "What each side brings",
          prompt:
            "Funding, people, technology, expertise, market access: what each organization commits to the alliance.",
        },
        fr: {
          heading: "Apports de chacun",
          prompt:
            "Moyens financiers, équipes, technologies, expertises, accès au marché : ce que chaque organisation engage dans l’alliance.",
        },
      },
      GOVERNANCE,
      EXIT,
    ],
    objectives: [
      {
        governanceLevel: "strategic",
        text: {
          en: {
            title: "Agree on the alliance’s shared ambition",
            description:
              "One sentence both steering committees can repeat, and the measure that tells us it is reached.",
          },
          fr: {
            title: "S’accorder sur l’ambition commune de l’alliance",
            description:
              "Une phrase que les deux comités de pilotage peuvent reprendre, et l’indicateur qui dira qu’elle est atteinte.",
          },
        },
      },
      {
        governanceLevel: "tactical",
        text: {
          en: {
            title: "Launch a first joint offer",
            description: "A first result both sides can show their teams and customers.",
          },
          fr: {
            title: "Lancer une première offre commune",
            description:
              "Un premier résultat que chaque partie peut montrer à ses équipes et à ses clients.",
          },
        },
      },
      {
        governanceLevel: "operational",
        text: {
          en: {
            title: "Set up the teams’ regular points of contact",
            description: "Who talks to whom, how often, and where the work is followed.",
          },
          fr: {
            title: "Organiser les points de contact réguliers des équipes",
            description: "Qui échange avec qui, à quel rythme, et où le travail est suivi.",
          },
        },
      },
    ],
    healthDimensions: [
      TRUST,
      TRANSPARENCY,
      {
        key: "shared-objectives",
        label: { en: "Shared objectives", fr: "Objectifs partagés" },
      },
      DECISION_SPEED,
      COMMUNICATION,
      {
        key: "value-delivered",
        label: { en: "Value delivered to each side", fr: "Valeur créée pour chaque partie" },
      },
    ],
  },
  {
    id: "co-development",
    about: {
      en: {
        name: "Co-development",
        summary:
          "Two organizations design and build a product, a service or a technology together, sharing the work, the risks and the results.",
      },
      fr: {
        name: "Co-développement",
        summary:
          "Deux organisations conçoivent et réalisent ensemble un produit, un service ou une technologie, en partageant le travail, les risques et les résultats.",
      },
    },
    rhythm: [
      { level: "strategic", intervalDays: 60 },
      { level: "tactical", intervalDays: 14 },
      { level: "operational", intervalDays: 7 },
    ],
    charterSections: [
      PURPOSE({
        en: "What we build together, for whom, and why neither of us would build it as well alone.",
        fr: "Ce que nous construisons ensemble, pour qui, et pourquoi aucun de nous ne le ferait aussi bien seul.",
      }),
      {
        en: {
          heading: "Roadmap and milestones",
          prompt:
            "The main stages of the joint development, the milestones that end them, and who delivers what.",
        },
        fr: {
          heading: "Feuille de route et jalons",
          prompt:
            "Les grandes étapes du développement commun, les jalons qui les closent, et qui livre quoi.",
        },
      },
      {
        en: {
          heading: "Intellectual property",
          prompt:
            "What each side brings and keeps, what we create together, who owns it and who may use it.",
        },
        fr: {
          heading: "Propriété intellectuelle",
          prompt:
            "Ce que chaque partie apporte et conserve, ce que nous créons ensemble, à qui cela appartient et qui peut l’exploiter.",
        },
      },
      {
        en: {
          heading: "Sharing costs and risks",
          prompt: "How the budget, the people and the risks of failure are shared.",
        },
        fr: {
          heading: "Partage des coûts et des risques",
          prompt: "Comment se répartissent le budget, les équipes et les risques d’échec.",
        },
      },
      GOVERNANCE,
      EXIT,
    ],
    objectives: [
      {
        governanceLevel: "strategic",
        text: {
          en: {
            title: "Agree on what the joint development must deliver",
            description: "The result, its users, and the measure of success both sides accept.",
          },
          fr: {
            title: "S’accorder sur ce que le développement commun doit livrer",
            description:
              "Le résultat, ses utilisateurs, et la mesure du succès que les deux parties acceptent.",
          },
        },
      },
      {
        governanceLevel: "tactical",
        text: {
          en: {
            title: "Deliver a first joint prototype",
            description: "Something both teams built and can put in front of users.",
          },
          fr: {
            title: "Livrer un premier prototype commun",
            description: "Un résultat construit par les deux équipes, à montrer aux utilisateurs.",
          },
        },
      },
      {
        governanceLevel: "operational",
        text: {
          en: {
            title: "Set up the shared development environment",
            description: "Tools, access and working rules of the joint team.",
          },
          fr: {
            title: "Mettre en place l’environnement de développement commun",
            description: "Outils, accès et règles de travail de l’équipe commune.",
          },
        },
      },
    ],
    healthDimensions: [
      TRUST,
      TRANSPARENCY,
      {
        key: "joint-execution",
        label: { en: "Joint execution", fr: "Exécution commune" },
      },
      {
        key: "complementarity",
        label: { en: "Complementary skills", fr: "Complémentarité des compétences" },
      },
      DECISION_SPEED,
      COMMUNICATION,
    ],
  },
  {
    id: "distribution",
    about: {
      en: {
        name: "Distribution / reseller",
        summary:
          "One organization brings its products, the other its market, network and customers: together they open a market faster.",
      },
      fr: {
        name: "Distribution / revente",
        summary:
          "L’une apporte ses produits, l’autre son marché, son réseau et sa clientèle : ensemble, elles ouvrent un marché plus vite.",
      },
    },
    rhythm: [
      { level: "strategic", intervalDays: 180 },
      { level: "tactical", intervalDays: 30 },
      { level: "operational", intervalDays: 14 },
    ],
    charterSections: [
      PURPOSE({
        en: "Which market we open together, and what success looks like for the supplier and for the distributor.",
        fr: "Quel marché nous ouvrons ensemble, et à quoi ressemble le succès pour le fournisseur comme pour le distributeur.",
      }),
      {
        en: {
          heading: "Territory and customers",
          prompt:
            "The regions, segments and customers the distributor covers, and whether that is exclusive.",
        },
        fr: {
          heading: "Territoire et clientèle",
          prompt:
            "Les régions, segments et clients que couvre le distributeur, et si c’est en exclusivité.",
        },
      },
      {
        en: {
          heading: "Commercial terms",
          prompt: "Prices, margins, volumes committed and how they are reviewed.",
        },
        fr: {
          heading: "Conditions commerciales",
          prompt: "Prix, marges, volumes engagés et la manière de les réviser.",
        },
      },
      {
        en: {
          heading: "Support, training and brand",
          prompt:
            "What the supplier provides (training, marketing, support) and how the brand is used.",
        },
        fr: {
          heading: "Accompagnement, formation et marque",
          prompt:
            "Ce que fournit le fournisseur (formation, marketing, support) et l’usage de la marque.",
        },
      },
      GOVERNANCE,
      EXIT,
    ],
    objectives: [
      {
        governanceLevel: "strategic",
        text: {
          en: {
            title: "Agree on the market to open together",
            description: "Territory, target customers and the first year’s ambition.",
          },
          fr: {
            title: "S’accorder sur le marché à ouvrir ensemble",
            description: "Territoire, clientèle visée et ambition de la première année.",
          },
        },
      },
      {
        governanceLevel: "tactical",
        text: {
          en: {
            title: "Reach the first year’s sales target",
            description: "The volume both sides commit to, followed month by month.",
          },
          fr: {
            title: "Atteindre l’objectif de ventes de la première année",
            description: "Le volume auquel les deux parties s’engagent, suivi mois par mois.",
          },
        },
      },
      {
        governanceLevel: "operational",
        text: {
          en: {
            title: "Train the distributor’s sales and support teams",
            description: "So they can sell and support the offer without help.",
          },
          fr: {
            title: "Former les équipes commerciales et support du distributeur",
            description: "Pour qu’elles vendent et accompagnent l’offre en autonomie.",
          },
        },
      },
    ],
    healthDimensions: [
      TRUST,
      {
        key: "market-access",
        label: { en: "Market access", fr: "Accès au marché" },
      },
      {
        key: "sales-support",
        label: { en: "Sales support", fr: "Soutien commercial" },
      },
      TRANSPARENCY,
      COMMUNICATION,
      {
        key: "value-delivered",
        label: { en: "Value delivered to each side", fr: "Valeur créée pour chaque partie" },
      },
    ],
  },
  {
    id: "joint-venture",
    about: {
      en: {
        name: "Joint venture",
        summary:
          "Two organizations create and run a common entity or project, with shared investment, shared control and shared results.",
      },
      fr: {
        name: "Coentreprise",
        summary:
          "Deux organisations créent et dirigent une entité ou un projet commun, avec un investissement, un contrôle et des résultats partagés.",
      },
    },
    rhythm: [
      { level: "strategic", intervalDays: 30 },
      { level: "tactical", intervalDays: 14 },
      { level: "operational", intervalDays: 7 },
    ],
    charterSections: [
      PURPOSE({
        en: "Why we create a common venture, its mission, and how it serves each parent organization.",
        fr: "Pourquoi nous créons une structure commune, sa mission, et ce qu’elle apporte à chaque organisation fondatrice.",
      }),
      {
        en: {
          heading: "Contributions and shares",
          prompt:
            "What each side invests (capital, people, assets, know-how) and what share of control and results it receives.",
        },
        fr: {
          heading: "Apports et répartition",
          prompt:
            "Ce que chaque partie investit (capital, équipes, actifs, savoir-faire) et la part de contrôle et de résultats qui lui revient.",
        },
      },
      {
        en: {
          heading: "Management of the venture",
          prompt:
            "Who runs the venture day to day, what the board decides, and how deadlocks are broken.",
        },
        fr: {
          heading: "Direction de la coentreprise",
          prompt:
            "Qui dirige la structure au quotidien, ce que décide le conseil, et comment sortir d’un blocage.",
        },
      },
      {
        en: {
          heading: "Shared values and principles",
          prompt:
            "How the parents behave toward the venture and toward each other: transparency, fair dealing, respect of each culture.",
        },
        fr: {
          heading: "Valeurs et principes partagés",
          prompt:
            "Comment les fondateurs se conduisent envers la structure et entre eux : transparence, loyauté, respect de chaque culture.",
        },
      },
      GOVERNANCE,
      EXIT,
    ],
    objectives: [
      {
        governanceLevel: "strategic",
        text: {
          en: {
            title: "Agree on the venture’s business plan",
            description: "Mission, investment, first three years’ results expected.",
          },
          fr: {
            title: "S’accorder sur le plan d’affaires de la coentreprise",
            description: "Mission, investissement, résultats attendus des trois premières années.",
          },
        },
      },
      {
        governanceLevel: "tactical",
        text: {
          en: {
            title: "Set up the venture’s team and management",
            description: "The people each side seconds, and who leads them.",
          },
          fr: {
            title: "Constituer l’équipe et la direction de la coentreprise",
            description: "Les personnes que chaque partie détache, et qui les dirige.",
          },
        },
      },
      {
        governanceLevel: "operational",
        text: {
          en: {
            title: "Put shared reporting in place",
            description: "The figures both parents receive, at the same time, in the same form.",
          },
          fr: {
            title: "Mettre en place un reporting commun",
            description:
              "Les chiffres que reçoivent les deux fondateurs, au même moment et sous la même forme.",
          },
        },
      },
    ],
    healthDimensions: [
      TRUST,
      {
        key: "balance-of-power",
        label: { en: "Balance of power", fr: "Équilibre du pouvoir" },
      },
      DECISION_SPEED,
      TRANSPARENCY,
      {
        key: "cultural-fit",
        label: { en: "Cultural fit", fr: "Alignement des cultures" },
      },
      {
        key: "value-delivered",
        label: { en: "Value delivered to each side", fr: "Valeur créée pour chaque partie" },
      },
    ],
  },
];

function contentIn(definition: TemplateDefinition, language: Language): PartnershipTemplateContent {
  return {
    ...definition.about[language],
    charterSections: definition.charterSections.map((section) => ({ ...section[language] })),
    objectives: definition.objectives.map(({ governanceLevel, text }) => ({
      ...text[language],
      governanceLevel,
    })),
    healthDimensions: definition.healthDimensions.map(({ key, label }) => ({
      key,
      label: label[language],
    })),
  };
}

/** Every template, written in English and French, in the order the picker shows them. */
export const PARTNERSHIP_TEMPLATES: readonly PartnershipTemplateView[] = DEFINITIONS.map(
  (definition) => ({
    id: definition.id,
    rhythm: definition.rhythm.map((r) => ({ ...r })),
    content: { en: contentIn(definition, "en"), fr: contentIn(definition, "fr") },
  }),
);

/** One template by id; undefined for an id no template has. */
export function partnershipTemplate(id: string): PartnershipTemplateView | undefined {
  return PARTNERSHIP_TEMPLATES.find((t) => t.id === id);
}
