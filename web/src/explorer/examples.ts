/**
 * Example operations of the query explorer. Each opens as a GraphiQL tab on
 * the first visit and stays in the page's "Exemples" menu afterwards.
 *
 * To add one, append an object to EXAMPLES: a unique `id`, the titles shown
 * in the menu, the query text and its variables (`{}` when it has none). The
 * query opens with a comment in French, a `#` line, then the same comment in
 * English (lines of at most 56 characters: the editor pane is narrow). The
 * operation must be named (the name becomes the tab's title) and valid
 * against the committed schema.graphql: test/explorer-examples.test.ts
 * checks every entry.
 *
 * Plain data, no imports: the unit test reads this file from Node.
 */
export interface ExplorerExample {
  /** Stable, unique, kebab-case. */
  readonly id: string;
  readonly titleFr: string;
  readonly titleEn: string;
  /** One named operation, headed by a French comment, a `#` line, then the English one. */
  readonly query: string;
  /** Values of the operation's variables; `{}` when it has none. */
  readonly variables: Readonly<Record<string, unknown>>;
}

export const EXAMPLES: ExplorerExample[] = [
  {
    id: "platform-status",
    titleFr: "État de la plateforme",
    titleEn: "Platform status",
    query: `# État de la plateforme : moteur ClickHouse, version
# du schéma, volume et fraîcheur de chaque flux.
#
# Platform status: ClickHouse engine, schema version,
# volume and freshness of each feed.
query PlatformStatus {
  warehouse {
    mode
    engineVersion
    schemaVersion
    database
    cluster
    empty
    feeds {
      feed
      nameFr
      nameEn
      loads
      recordsLoaded
      recordsQuarantined
      dataAsOf
      lastLoadAt
    }
  }
}
`,
    variables: {},
  },
  {
    id: "overview",
    titleFr: "Vue d'ensemble des indicateurs",
    titleEn: "Overview of the indicators",
    query: `# Tous les indicateurs clés d'une période, comparés à
# la période précédente et à l'an passé, avec leur
# tendance mensuelle. Durées en heures, montants en
# FCFA.
#
# Every key indicator for a period, compared with the
# previous period and a year earlier, with its monthly
# trend. Times in hours, amounts in XOF (FCFA).
query Overview($period: PeriodInput!) {
  overview(period: $period) {
    kpis {
      labelFr
      labelEn
      unit
      value
      previous
      previousChange
      yearAgoChange
      trend { bucket value }
    }
    dataAsOf { feed lastEventAt }
  }
}
`,
    variables: { period: { from: "2025-01-01", to: "2025-04-01" } },
  },
  {
    id: "country-figures",
    titleFr: "Chiffres par pays",
    titleEn: "Figures per country",
    query: `# Volumes, délais et recettes de chaque pays sur un
# trimestre, avec l'évolution sur un an.
#
# Volumes, times and revenue of each country over a
# quarter, with the change over a year.
query CountryFigures($period: PeriodInput!) {
  countryFigures(period: $period) {
    countries {
      country
      nameFr
      tonnes { value yearAgoChange }
      declarations { value }
      cifValue { value }
      customsRevenue { value yearAgoChange }
      portDwellP50 { value }
      corridorTransitP50 { value }
    }
  }
}
`,
    variables: { period: { from: "2025-01-01", to: "2025-04-01" } },
  },
  {
    id: "dwell-by-country-month",
    titleFr: "Séjour portuaire par pays et par mois",
    titleEn: "Port dwell per country and month",
    query: `# Requête générale : séjour portuaire (médiane, P90,
# fiabilité) par pays et par mois. Un mois sans donnée
# rend null (une lacune), jamais zéro.
#
# General query: port dwell (median, P90, reliability)
# per country and month. A month without data gives
# null (a gap), never zero.
query DwellByCountryAndMonth($query: MetricQueryInput!) {
  metrics(query: $query) {
    rows {
      bucket
      dimensions { value labelFr labelEn }
      cells { statistic unit value }
    }
    sources { measure path table }
    dataAsOf { feed lastEventAt }
  }
}
`,
    variables: {
      query: {
        measures: [{ measure: "PORT_DWELL", statistics: ["COUNT", "P50", "P90", "RELIABILITY"] }],
        dimensions: ["COUNTRY"],
        filters: [{ dimension: "COUNTRY", values: ["BF", "ML", "NE"] }],
        grain: "MONTH",
        period: { from: "2024-01-01", to: "2025-01-01" },
      },
    },
  },
  {
    id: "tonnes-by-chapter-compared",
    titleFr: "Tonnage par chapitre SH, comparé",
    titleEn: "Tonnes per HS chapter, compared",
    query: `# Les dix chapitres SH les plus lourds pour le Niger,
# comparés à la période précédente et à l'an passé.
#
# The ten heaviest HS chapters for Niger, compared
# with the previous period and a year earlier.
query TonnesByChapter($query: MetricQueryInput!) {
  metrics(query: $query) {
    previousPeriod { from to }
    yearAgoPeriod { from to }
    truncated
    rows {
      dimensions { value labelFr labelEn }
      cells { value previous previousChange yearAgo yearAgoChange }
    }
  }
}
`,
    variables: {
      query: {
        measures: [{ measure: "TONNES" }],
        dimensions: ["HS_CHAPTER"],
        filters: [{ dimension: "COUNTRY", values: ["NE"] }],
        orderBy: [{ measure: "TONNES", descending: true }],
        limit: 10,
        compare: true,
        period: { from: "2025-01-01", to: "2025-07-01" },
      },
    },
  },
  {
    id: "registry",
    titleFr: "Registre des mesures",
    titleEn: "Registry of measures",
    query: `# Ce que l'on peut demander : chaque mesure, son unité,
# sa date de comptage et ses dimensions.
#
# What can be asked: each measure, its unit, the date
# it is counted on and its dimensions.
query Registry {
  measures {
    name
    unit
    descriptionFr
    descriptionEn
    datedAtFr
    statistics
    dimensions
    rollupDimensions
  }
}
`,
    variables: {},
  },
  {
    id: "recent-loads",
    titleFr: "Derniers chargements et leurs compteurs",
    titleEn: "Recent loads and their counters",
    query: `# Derniers fichiers chargés, du plus récent au plus
# ancien (au plus 200), et leurs compteurs :
# lus = chargés + quarantaine + doublons.
#
# Latest file loads, newest first (at most 200), and
# their counters: read = loaded + quarantined
# + duplicates.
query RecentLoads($limit: Int!) {
  loads(limit: $limit) {
    id
    fileName
    feed
    source
    status
    read
    loaded
    quarantined
    duplicates
    startedAt
    finishedAt
    lastEventAt
    error
  }
}
`,
    variables: { limit: 10 },
  },
  {
    id: "offices-of-niger",
    titleFr: "Bureaux de douane du Niger et leurs fuseaux horaires",
    titleEn: "Customs offices of Niger and their time zones",
    query: `# Bureaux de douane d'un pays (ici le Niger, NE) et
# leur fuseau horaire : les heures des fichiers sans
# décalage y sont locales.
#
# Customs offices of one country (here Niger, NE) and
# their time zone: times without an offset in the
# files are local to it.
query OfficesOfCountry($country: String) {
  offices(country: $country) {
    code
    name
    kind
    country
    timezone
    lat
    lon
  }
}
`,
    variables: { country: "NE" },
  },
  {
    id: "routes-with-offices",
    titleFr: "Itinéraires et bureaux traversés",
    titleEn: "Routes and the offices they pass",
    query: `# Itinéraires de transit, dans le sens import, et les
# codes des bureaux traversés ; la liste des bureaux
# en donne les noms.
#
# Transit routes, in the import direction, with the
# codes of the offices they pass; the office list
# gives their names.
query RoutesWithOffices {
  routes {
    code
    destinationCountry
    km
    note
    offices
  }
  offices {
    code
    name
    kind
    country
  }
}
`,
    variables: {},
  },
  {
    id: "hs-chapters-of-section",
    titleFr: "Chapitres SH d'une section",
    titleEn: "HS chapters of one section",
    query: `# Chapitres du Système harmonisé d'une section, en
# chiffres romains (ici V, produits minéraux) ;
# hsSections donne toutes les sections.
#
# Harmonized System chapters of one section, in Roman
# numerals (here V, mineral products); hsSections
# gives every section.
query HsChaptersOfSection($section: String) {
  hsChapters(section: $section) {
    chapter
    section
    nameFr
    nameEn
  }
}
`,
    variables: { section: "V" },
  },
  {
    id: "my-account-and-keys",
    titleFr: "Mon compte et mes clés d'API",
    titleEn: "My account and my API keys",
    query: `# Le compte qui pose la question et ses clés d'API
# (toutes les clés pour un administrateur) ; le
# secret d'une clé n'est montré qu'à sa création.
#
# The account asking and its API keys (every key
# for an administrator); a key's secret is shown
# only when it is created.
query MyAccountAndKeys {
  me {
    login
    displayName
    role
    country
    language
  }
  apiKeys {
    id
    name
    owner
    createdAt
    expiresAt
    revokedAt
  }
}
`,
    variables: {},
  },
];

/** The variables as GraphiQL's variables editor shows them; undefined when there are none. */
export function variablesText(example: ExplorerExample): string | undefined {
  return Object.keys(example.variables).length === 0 ? undefined : JSON.stringify(example.variables, null, 2);
}
