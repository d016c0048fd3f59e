/**
 * The movements a transit fact may use: its DEPARTED event gives route,
 * declaration and direction (an export departs from an inland office and
 * runs its route backwards), and a CANCELLED event removes it everywhere.
 */
export const DEPARTURES = `departed AS (
        SELECT movement, toString(route) AS route, declaration, toString(office) AS departed_office, at AS departed_at,
               truck, containers, escort,
               if(office_kind[toString(office)] = 'port', 'import', 'export') AS direction
        FROM transit_events FINAL
        WHERE event = 'DEPARTED'
          AND movement NOT IN (SELECT movement FROM transit_events FINAL WHERE event = 'CANCELLED')
    )`;
