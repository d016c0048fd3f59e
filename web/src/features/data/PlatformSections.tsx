import type { DataStatusQuery } from "../../gql/graphql";
import { formatInteger } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { DATA_TEXTS } from "./texts";

type Data = DataStatusQuery;

/** The engine the warehouse runs on and its schema version. */
export function EngineSection({ warehouse }: { warehouse: Data["warehouse"] }) {
  const t = useTexts(DATA_TEXTS);
  return (
    <section aria-labelledby="engine-title">
      <h2 id="engine-title">{t.engineHeading}</h2>
      <dl className="facts">
        <div>
          <dt>{t.engine}</dt>
          <dd>{warehouse.mode === "EMBEDDED" ? t.engineEmbedded : t.engineServer}</dd>
        </div>
        <div>
          <dt>{t.engineVersion}</dt>
          <dd>{warehouse.engineVersion}</dd>
        </div>
        <div>
          <dt>{t.schemaVersion}</dt>
          <dd>{warehouse.schemaVersion}</dd>
        </div>
        <div>
          <dt>{t.database}</dt>
          <dd>{warehouse.database}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The corridor's routes and the offices they pass: the reference list transit records are checked against. */
export function RoutesSection({ routes, offices }: { routes: Data["routes"]; offices: Data["offices"] }) {
  const { language } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const names = new Map(offices.map((o) => [o.code, o.name]));
  return (
    <section aria-labelledby="routes-title">
      <h2 id="routes-title">{t.routesHeading}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t.routesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.route}</th>
              <th scope="col">{t.destination}</th>
              <th scope="col">{t.offices}</th>
              <th scope="col" className="num">
                {t.distance}
              </th>
            </tr>
          </thead>
          <tbody>
            {routes.map((route) => (
              <tr key={route.code}>
                <th scope="row" className="code">
                  {route.code}
                </th>
                <td>{route.destinationCountry}</td>
                <td>{route.offices.map((code) => names.get(code) ?? code).join(" → ")}</td>
                <td className="num">{`${formatInteger(route.km, language)}\u00A0${t.km}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
