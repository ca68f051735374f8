// Where an offender is (shared by S1 and S6; spliced in at `// include: offender_places`).
// In: `selves`, every record of his identity. Out, one row per fact: `a` (the Address), `f` (the fact:
// a, from, to, point, known, feed, rid, agency, what, sentence, note) and `f_to` (the last day it holds, at most
// $as_of); `sentence` and `note` (the fact's kind and sentence number) only for a fact from a note.
//   spans (their own from..to, open to $as_of): police registrations (REGISTERED_AT), his GP registrations and
//     housing tenancies (LIVES_AT), stays found or reported (STAYS_AT: from..to, known on `recorded`);
//   points (a date, no end): a visit that finds him at an address, intelligence that he stays there, a note
//     saying he stays at his partner's (a `stays_at` NoteFact that notes/ resolved to her address, NOTE_AT:
//     "from a note", for an analyst to confirm). A point holds from its date until the day before the next
//     later fact about him (any record, any address).
CALL (selves) {
  UNWIND selves AS me
  CALL (me) {
    MATCH (me)-[x:REGISTERED_AT]->(a:Address)
    WHERE x.from <= $as_of
    RETURN a, x.from AS from, x.to AS to, false AS point, x.from AS known, x.source AS feed, x.source_id AS rid,
           'police' AS agency, x.type + ' address registered with police' AS what, null AS sentence, null AS note
    UNION
    MATCH (me)-[x:LIVES_AT]->(a:Address)
    WHERE x.source IN ['health_gp_registrations', 'housing_tenancies'] AND x.from <= $as_of
    RETURN a, x.from AS from, x.to AS to, false AS point, x.from AS known, x.source AS feed, x.source_id AS rid,
           CASE x.source WHEN 'housing_tenancies' THEN 'housing' ELSE 'health' END AS agency,
           CASE x.source WHEN 'housing_tenancies' THEN 'on the tenancy (' + x.role + ')' ELSE 'his GP registration' END AS what,
           null AS sentence, null AS note
    UNION
    MATCH (me)-[x:STAYS_AT {source: 'police_stays'}]->(a:Address)
    WHERE x.recorded <= $as_of
    RETURN a, coalesce(x.from, x.recorded) AS from, x.to AS to, false AS point, x.recorded AS known,
           x.source AS feed, x.source_id AS rid, x.agency AS agency,
           'stays there' + coalesce(' (' + x.frequency + ')', '') + coalesce('; present: ' + x.present, '') AS what,
           null AS sentence, null AS note
    UNION
    MATCH (me)-[:VISITED_IN]->(x:Visit)-[:AT]->(a:Address)
    WHERE x.date <= $as_of
    RETURN a, x.date AS from, null AS to, true AS point, x.date AS known, x.source AS feed, x.source_id AS rid,
           'police' AS agency, 'found there on a ' + replace(x.visit_type, '_', ' ') AS what, null AS sentence,
           null AS note
    UNION
    MATCH (x:Intelligence {category: 'staying_at_address'})-[:ABOUT]->(me), (x)-[:MENTIONS]->(a:Address)
    WHERE x.date <= $as_of
    RETURN a, x.date AS from, null AS to, true AS point, x.date AS known, x.source AS feed, x.source_id AS rid,
           'police' AS agency, 'intelligence: staying at the address' AS what, null AS sentence, null AS note
    UNION
    MATCH (me)<-[:NOTE_ABOUT]-(x:NoteFact {kind: 'stays_at'})-[:NOTE_AT]->(a:Address)
    WHERE x.date <= $as_of
    RETURN a, x.date AS from, null AS to, true AS point, x.date AS known, x.source AS feed, x.source_id AS rid,
           x.agency AS agency, 'from a note: "' + x.sentence + '" (his partner\'s address)' AS what,
           x.sentence AS sentence, x.kind + ':' + last(split(x.key, ':')) AS note
  }
  WITH collect({a: a, from: from, to: to, point: point, known: known, feed: feed, rid: rid, agency: agency,
                what: what, sentence: sentence, note: note}) AS facts
  UNWIND facts AS f
  WITH f, CASE WHEN f.point THEN coalesce(reduce(m = null, g IN facts |
            CASE WHEN g.from > f.from AND (m IS NULL OR g.from < m) THEN g.from ELSE m END) - duration({days: 1}),
          $as_of)
          ELSE coalesce(f.to, $as_of) END AS f_to
  WITH f, CASE WHEN f_to > $as_of THEN $as_of ELSE f_to END AS f_to
  WHERE f.from <= f_to
  RETURN f.a AS a, f, f_to
}
