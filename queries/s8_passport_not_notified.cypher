// ---
// name: s8_passport_not_notified
// title: An offender obtained a new passport without notifying police
// signal: S8
// severity: medium
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   notify_days: {type: int, default: 3, help: Days within which a new passport must be notified (rules.CHANGE_NOTIFY_DAYS, SOA 2003 s.84)}
// rationale: >
//   Mr A obtained a new passport and travelled on it; neither had been notified to police, a breach of his
//   notification requirements (review 3.7). Every passport seen on Border Force records of an offender,
//   issued while he is under management (after his notification period began), with no passport
//   notification within notify_days of issue raises this flag, whatever his recorded risk level.
// action: >
//   Treat as a notification breach: record the passport on ViSOR, interview the offender about his travel
//   and consider prosecution (3.7).
// ---
// One flag per passport. The issue date is carried by the travel records made on it; the flag shows on
// the day after the notification was due. Only journeys on or before as_of are known.
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(passport:Person)-[:TRAVELLED]->(t:Travel)
WHERE t.date <= $as_of AND t.passport_issued_date IS NOT NULL
WITH o, passport, t ORDER BY t.date
WITH o, passport, head(collect(t.passport_issued_date)) AS issued, collect(t) AS trips
WHERE issued + duration({days: $notify_days + 1}) <= $as_of
  // issued after his notification requirements began, while they were in force
  AND issued > reduce(m = date('9999-12-31'), p IN [(o)-[np:SUBJECT_OF]->(:NotificationPeriod) | np.from] |
                      CASE WHEN p < m THEN p ELSE m END)
  AND EXISTS {
    MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
    WHERE np.from <= issued AND (np.to IS NULL OR issued <= np.to)
  }
  AND NOT EXISTS {
    MATCH (o)-[:MADE_NOTIFICATION]->(n:Notification {notification_type: 'passport'})
    WHERE issued <= n.notification_date <= issued + duration({days: $notify_days})
  }
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, passport, issued, trips, team, o.forenames + ' ' + o.surname AS offender
RETURN
  [] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[same person]-(' + passport.key + ', issued ' + toString(issued) + ')',
   '(' + offender + ')-[no passport notification]->(police)'] AS path,
  [t IN trips | {agency: 'border_force', feed: t.source, record_id: t.source_id, date: t.date,
                 what: 'travelled on passport ' + passport.passport_number + ' issued ' + toString(issued)}]
    AS evidence,
  issued + duration({days: $notify_days + 1}) AS detected_on,
  offender + ' obtained passport ' + passport.passport_number + ' on ' + toString(issued) + ' (seen at ' +
  toString(size(trips)) + ' departure(s)) and did not notify police' AS summary,
  passport.key AS fact
ORDER BY detected_on
