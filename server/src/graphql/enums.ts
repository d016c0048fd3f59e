import { registerEnumType } from "type-graphql";

// GraphQL names on the left, the values stored in the warehouse on the right.

export enum Feed {
  VESSEL_CALLS = "vessel-calls",
  CONTAINER_EVENTS = "container-events",
  CUSTOMS_DECLARATIONS = "customs-declarations",
  TRANSIT_MOVEMENTS = "transit-movements",
  PORT_INVOICES = "port-invoices",
}
registerEnumType(Feed, {
  name: "Feed",
  description: "Flux de données en entrée (voir formats.md). / Input data feed (see formats.md).",
  valuesConfig: {
    VESSEL_CALLS: { description: "Escales de navires (CSV de l'autorité portuaire). / Vessel calls (port authority CSV)." },
    CONTAINER_EVENTS: { description: "Mouvements de conteneurs (EDIFACT COARRI/CODECO des terminaux). / Container events (terminal EDIFACT)." },
    CUSTOMS_DECLARATIONS: { description: "Déclarations en douane (XML de type ASYCUDA). / Customs declarations (ASYCUDA-style XML)." },
    TRANSIT_MOVEMENTS: { description: "Mouvements de transit (JSON Lines). / Transit movements (JSON Lines)." },
    PORT_INVOICES: { description: "Factures portuaires (CSV). / Port invoices (CSV)." },
  },
});

export enum LoadStatus {
  RUNNING = "running",
  LOADED = "loaded",
  QUARANTINED = "quarantined",
  FAILED = "failed",
  INTERRUPTED = "interrupted",
}
registerEnumType(LoadStatus, {
  name: "LoadStatus",
  description: "État d'un chargement de fichier. / State of a file load.",
  valuesConfig: {
    RUNNING: { description: "En cours. / In progress." },
    LOADED: { description: "Tous les enregistrements chargés ou ignorés comme doublons. / Every record loaded or ignored as a duplicate." },
    QUARANTINED: { description: "Chargé, avec des enregistrements mis en quarantaine. / Loaded, with some records quarantined." },
    FAILED: { description: "Fichier illisible : rien n'a été chargé. / The file could not be read: nothing was loaded." },
    INTERRUPTED: { description: "Interrompu (arrêt du processus) ; un nouveau chargement reprend. / Interrupted (the process stopped); loading again completes it." },
  },
});

export enum EngineMode {
  EMBEDDED = "embedded",
  SERVER = "server",
}
registerEnumType(EngineMode, {
  name: "EngineMode",
  description: "Où tourne ClickHouse. / Where ClickHouse runs.",
  valuesConfig: {
    EMBEDDED: { description: "Moteur embarqué dans le processus de la plateforme (chDB). / Engine embedded in the platform process (chDB)." },
    SERVER: { description: "Serveur ou grappe ClickHouse (CLICKHOUSE_URL). / ClickHouse server or cluster (CLICKHOUSE_URL)." },
  },
});

export enum RoleName {
  ADMIN = "admin",
  MINISTRY = "ministry",
  ANALYST = "analyst",
  PORT_AUTHORITY = "port_authority",
  OPERATOR = "operator",
}
registerEnumType(RoleName, {
  name: "Role",
  description: "Rôle d'un utilisateur (docs/security.md). / A user's role (docs/security.md).",
  valuesConfig: {
    ADMIN: { description: "Administre les comptes et les clés. / Manages accounts and keys." },
    MINISTRY: { description: "Ministère : consulte le tableau de bord. / Ministry: reads the dashboard." },
    ANALYST: { description: "Analyste : interroge l'API. / Analyst: queries the API." },
    PORT_AUTHORITY: { description: "Autorité portuaire : reçoit et gère les rapports. / Port authority: receives and manages reports." },
    OPERATOR: { description: "Opérateur de données : charge les fichiers. / Data operator: loads files." },
  },
});
