import { useQuery } from "../../api/use-query";
import { PlatformStatusDocument, type PlatformStatusQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/language";

/** The platform's state: engine, feeds and their freshness, latest loads, and the corridor's routes. */
export function StatusPage() {
  const { t } = useI18n();
  const query = useQuery(PlatformStatusDocument, { loadLimit: 20 });
  if (query.status === "loading") return <p role="status">{t("common.loading")}</p>;
  if (query.status === "error") {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t("common.error")}</p>
        <button type="button" onClick={query.retry}>
          {t("common.retry")}
        </button>
      </div>
    );
  }
  const { warehouse, loads, routes, offices } = query.data;
  return (
    <>
      {warehouse.empty && (
        <section className="notice" aria-labelledby="empty-title">
          <h2 id="empty-title">{t("status.empty.title")}</h2>
          <p>{t("status.empty.body")}</p>
        </section>
      )}
      <EngineSummary warehouse={warehouse} />
      <FeedTable feeds={warehouse.feeds} />
      <LoadTable loads={loads} />
      <RouteTable routes={routes} offices={offices} />
    </>
  );
}

type Data = PlatformStatusQuery;

function EngineSummary({ warehouse }: { warehouse: Data["warehouse"] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="engine-title">
      <h2 id="engine-title">{t("status.heading")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("status.engine")}</dt>
          <dd>{warehouse.mode === "EMBEDDED" ? t("status.engine.embedded") : t("status.engine.server")}</dd>
        </div>
        <div>
          <dt>{t("status.engineVersion")}</dt>
          <dd>{warehouse.engineVersion}</dd>
        </div>
        <div>
          <dt>{t("status.schemaVersion")}</dt>
          <dd>{warehouse.schemaVersion}</dd>
        </div>
        <div>
          <dt>{t("status.database")}</dt>
          <dd>{warehouse.database}</dd>
        </div>
      </dl>
    </section>
  );
}

function FeedTable({ feeds }: { feeds: Data["warehouse"]["feeds"] }) {
  const { t, language, integer, date } = useI18n();
  return (
    <section aria-labelledby="feeds-title">
      <h2 id="feeds-title">{t("feeds.heading")}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t("feeds.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("feeds.feed")}</th>
              <th scope="col" className="num">{t("feeds.loads")}</th>
              <th scope="col" className="num">{t("feeds.records")}</th>
              <th scope="col" className="num">{t("feeds.quarantined")}</th>
              <th scope="col">{t("feeds.dataAsOf")}</th>
            </tr>
          </thead>
          <tbody>
            {feeds.map((feed) => (
              <tr key={feed.feed}>
                <th scope="row">{language === "fr" ? feed.nameFr : feed.nameEn}</th>
                <td className="num">{integer(feed.loads)}</td>
                <td className="num">{integer(feed.recordsLoaded)}</td>
                <td className="num">{integer(feed.recordsQuarantined)}</td>
                <td>{feed.dataAsOf ? date(feed.dataAsOf) : <span className="muted">{t("feeds.never")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LoadTable({ loads }: { loads: Data["loads"] }) {
  const { t, integer, dateTime } = useI18n();
  return (
    <section aria-labelledby="loads-title">
      <h2 id="loads-title">{t("loads.heading")}</h2>
      {loads.length === 0 ? (
        <p className="muted">{t("loads.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("loads.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("loads.file")}</th>
                <th scope="col">{t("loads.status")}</th>
                <th scope="col" className="num">{t("loads.read")}</th>
                <th scope="col" className="num">{t("loads.loaded")}</th>
                <th scope="col" className="num">{t("loads.quarantined")}</th>
                <th scope="col" className="num">{t("loads.duplicates")}</th>
                <th scope="col">{t("loads.started")}</th>
              </tr>
            </thead>
            <tbody>
              {loads.map((load) => (
                <tr key={load.id}>
                  <th scope="row" className="file">{load.fileName}</th>
                  <td>{t(`loads.status.${load.status}`)}</td>
                  <td className="num">{integer(load.read)}</td>
                  <td className="num">{integer(load.loaded)}</td>
                  <td className="num">{integer(load.quarantined)}</td>
                  <td className="num">{integer(load.duplicates)}</td>
                  <td>{dateTime(load.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RouteTable({ routes, offices }: { routes: Data["routes"]; offices: Data["offices"] }) {
  const { t, integer } = useI18n();
  const names = new Map(offices.map((o) => [o.code, o.name]));
  return (
    <section aria-labelledby="routes-title">
      <h2 id="routes-title">{t("routes.heading")}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t("routes.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("routes.route")}</th>
              <th scope="col">{t("routes.country")}</th>
              <th scope="col">{t("routes.offices")}</th>
              <th scope="col" className="num">{t("routes.km")}</th>
            </tr>
          </thead>
          <tbody>
            {routes.map((route) => (
              <tr key={route.code}>
                <th scope="row" className="code">{route.code}</th>
                <td>{route.destinationCountry}</td>
                <td>{route.offices.map((code) => names.get(code) ?? code).join(" → ")}</td>
                <td className="num">
                  {integer(route.km)}&nbsp;{t("common.km")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
