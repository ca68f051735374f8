// The first questions a profile answers (issue 13, item 8): where the person lives now and since when, who
// lives there too, and for an offender the offence, notification periods, orders with their conditions,
// MAPPA category and level, risk level and offender manager. $records: the person's record keys.
MATCH (p:Person)
WHERE p.key IN $records
WITH collect(p) AS mine
WITH mine,
     COLLECT {
       UNWIND mine AS p
       MATCH (p)-[l:LIVES_AT|REGISTERED_AT|STAYS_AT]->(a:Address)
       WHERE l.from IS NULL OR l.from <= $as_of
       RETURN {key: a.key, line1: a.line1, postcode: a.postcode, from: l.from, to: l.to, how: type(l), kind: l.type,
               source: l.source} AS address
       ORDER BY l.from DESC
     } AS addresses
RETURN addresses,
  COLLECT {
    WITH addresses
    WHERE size(addresses) > 0
    MATCH (a:Address {key: addresses[0].key})<-[l:LIVES_AT|REGISTERED_AT|STAYS_AT]-(o:Person)
    WHERE NOT o IN mine AND NOT o:Practitioner AND (l.from IS NULL OR l.from <= $as_of)
      AND (l.to IS NULL OR l.to >= $as_of)
      AND NOT EXISTS {
        MATCH (o)-[later:LIVES_AT|REGISTERED_AT]->(b:Address)
        WHERE b <> a AND l.from < later.from <= $as_of
      }
    OPTIONAL MATCH (o)<-[:HAS_RECORD]-(i:Identity)
    RETURN DISTINCT {key: coalesce(i.key, o.key), forenames: o.forenames, surname: o.surname, dob: o.dob,
                     offender: o:Offender, from: l.from} AS person
  } AS household,
  COLLECT {
    UNWIND mine AS p
    MATCH (p)-[:CONVICTED_OF]->(c:Conviction)
    WHERE c.date IS NULL OR c.date <= $as_of
    RETURN {offence: c.offence, category: c.offence_category, date: c.date, schedule_3: c.schedule_3,
            sentence: c.sentence} AS conviction
    ORDER BY c.date
  } AS convictions,
  COLLECT {
    UNWIND mine AS p
    MATCH (p)-[s:SUBJECT_OF]->(:NotificationPeriod)
    WHERE s.from IS NULL OR s.from <= $as_of
    RETURN {from: s.from, to: s.to} AS period
    ORDER BY s.from
  } AS periods,
  COLLECT {
    UNWIND mine AS p
    MATCH (p)-[s:SUBJECT_OF]->(o:Order)
    WHERE coalesce(s.from, o.start_date) IS NULL OR coalesce(s.from, o.start_date) <= $as_of
    RETURN {type: o.order_type, from: coalesce(s.from, o.start_date), to: coalesce(s.to, o.end_date),
            conditions: [(o)-[:HAS_CONDITION]->(c:Condition) | {code: c.condition_code, text: c.condition_text}]}
           AS order
    ORDER BY coalesce(s.from, o.start_date)
  } AS orders,
  COLLECT {
    UNWIND mine AS p
    WITH p
    WHERE p.nominal_id IS NOT NULL
    RETURN {mappa_category: p.mappa_category, mappa_level: p.mappa_level, risk_level: p.risk_level} AS nominal
  } AS nominals,
  COLLECT {
    UNWIND mine AS p
    MATCH (p)-[:ASSESSED_IN]->(r:RiskAssessment)
    WHERE r.date <= $as_of
    RETURN {risk_level: r.risk_level, date: r.date, next_due: r.next_due_date} AS assessment
    ORDER BY r.date DESC
    LIMIT 1
  } AS assessments,
  COLLECT {
    UNWIND mine AS p
    MATCH (m:Person)-[:OFFENDER_MANAGER_OF]->(p)
    OPTIONAL MATCH (m)-[:WORKS_FOR]->(g:Agency)
    RETURN DISTINCT {forenames: m.forenames, surname: m.surname, role: m.role, agency: g.name} AS manager
  } AS managers,
  COLLECT {
    UNWIND mine AS p
    MATCH (p)-[:MANAGED_BY]->(g:Agency)
    RETURN DISTINCT g.name AS team
  } AS teams
