import type { Language } from "@entente/protocol";

/** Every word the review pack prints, in each language the product speaks. */
export interface ReviewWords {
  title: string;
  period: (from: string, to: string) => string;
  generated: (date: string) => string;
  kpis: string;
  noKpis: string;
  target: string;
  targetChanged: string;
  noMeasurements: string;
  objectives: string;
  noObjectives: string;
  actionsDone: (done: number, total: number) => string;
  decisions: string;
  noDecisions: string;
  outcome: { approved: string; rejected: string };
  contributions: string;
  noContributions: string;
  promised: string;
  delivered: string;
  notStated: string;
  healthCheck: string;
  noHealthCheck: string;
  hidden: string;
  gap: string;
  wins: string;
  difficulties: string;
  noWins: string;
  noDifficulties: string;
  nextSteps: string;
  noNextActions: string;
  noNextMeetings: string;
  nextMeetings: string;
  due: (date: string) => string;
  overdue: string;
  status: Record<string, string>;
  level: Record<string, string>;
  contributionKind: Record<string, string>;
  page: (n: number, of: number) => string;
}

const EN: ReviewWords = {
  title: "Partnership review",
  period: (from, to) => `Period: ${from} to ${to}`,
  generated: (date) => `Generated on ${date}`,
  kpis: "KPIs",
  noKpis: "No KPI yet.",
  target: "target",
  targetChanged: "target changed",
  noMeasurements: "No measurement in this period.",
  objectives: "Objectives and actions progress",
  noObjectives: "No objectives yet.",
  actionsDone: (done, total) => `${done} of ${total} actions done`,
  decisions: "Decisions taken in the period",
  noDecisions: "No decision taken in this period.",
  outcome: { approved: "approved", rejected: "rejected" },
  contributions: "Contributions: promised vs delivered",
  noContributions: "No contributions yet.",
  promised: "promised",
  delivered: "delivered",
  notStated: "not stated",
  healthCheck: "Health check",
  noHealthCheck: "No health check in this period.",
  hidden: "hidden (too few respondents)",
  gap: "gap",
  wins: "Wins",
  difficulties: "Difficulties",
  noWins: "No win shared in this period.",
  noDifficulties: "No difficulty shared in this period.",
  nextSteps: "Next steps",
  noNextActions: "No open action due soon.",
  noNextMeetings: "No meeting planned.",
  nextMeetings: "Next meetings",
  due: (date) => `due ${date}`,
  overdue: "overdue",
  status: {
    proposed: "proposed",
    active: "active",
    on_hold: "on hold",
    achieved: "achieved",
    dropped: "dropped",
  },
  level: { strategic: "strategic", tactical: "tactical", operational: "operational" },
  contributionKind: {
    funding: "funding",
    people: "people",
    technology: "technology",
    expertise: "expertise",
    network: "network & market access",
    data: "data",
    other: "other",
  },
  page: (n, of) => `Page ${n} of ${of}`,
};

const FR: ReviewWords = {
  title: "Revue du partenariat",
  period: (from, to) => `Période : du ${from} au ${to}`,
  generated: (date) => `Généré le ${date}`,
  kpis: "Indicateurs",
  noKpis: "Aucun indicateur pour l’instant.",
  target: "cible",
  targetChanged: "cible modifiée",
  noMeasurements: "Aucune mesure sur cette période.",
  objectives: "Avancement des objectifs et des actions",
  noObjectives: "Aucun objectif pour l’instant.",
  actionsDone: (done, total) => `${done} actions terminées sur ${total}`,
  decisions: "Décisions prises sur la période",
  noDecisions: "Aucune décision prise sur cette période.",
  outcome: { approved: "approuvée", rejected: "rejetée" },
  contributions: "Contributions : promises et apportées",
  noContributions: "Aucune contribution pour l’instant.",
  promised: "promis",
  delivered: "apporté",
  notStated: "non précisé",
  healthCheck: "Bilan de santé",
  noHealthCheck: "Aucun bilan de santé sur cette période.",
  hidden: "masqué (trop peu de réponses)",
  gap: "écart",
  wins: "Réussites",
  difficulties: "Difficultés",
  noWins: "Aucune réussite partagée sur cette période.",
  noDifficulties: "Aucune difficulté partagée sur cette période.",
  nextSteps: "Prochaines étapes",
  noNextActions: "Aucune action ouverte à échéance proche.",
  noNextMeetings: "Aucune réunion prévue.",
  nextMeetings: "Prochaines réunions",
  due: (date) => `échéance ${date}`,
  overdue: "en retard",
  status: {
    proposed: "proposé",
    active: "en cours",
    on_hold: "en pause",
    achieved: "atteint",
    dropped: "abandonné",
  },
  level: { strategic: "stratégique", tactical: "tactique", operational: "opérationnel" },
  contributionKind: {
    funding: "financement",
    people: "personnes",
    technology: "technologie",
    expertise: "expertise",
    network: "réseau et accès au marché",
    data: "données",
    other: "autre",
  },
  page: (n, of) => `Page ${n} sur ${of}`,
};

export function reviewWords(language: Language): ReviewWords {
  return language === "fr" ? FR : EN;
}
