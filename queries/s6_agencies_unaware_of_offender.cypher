// ---
// name: s6_agencies_unaware_of_offender
// title: Agencies working with an offender-linked child hold no record of the offender's status
// signal: S6
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   grace_days: {type: int, default: 30, help: Days an agency may work with the child before it must have been told (rules.DISCLOSURE_GRACE_DAYS)}
// rationale: >
//   Police knew of Mr A's children, but the GP, health visitors, hospital, community paediatrics,
//   nursery, school and children's centre working with them had no knowledge of his conviction; had
//   they known, one of them would probably have referred before the police (review 3.12, 3.17, 3.24,
//   3.27, 3.29, 5.41-5.43, Recommendation 4). Every agency working with a child linked to an offender
//   under management (living where he lives or stays, named on the birth record with him as parent,
//   recorded by police as his child) that has not been told of his status raises this flag, whatever
//   his recorded risk level. Risk is never zero (5.1): a child linked to him after his notification
//   period ended is still shown, at a lower severity (medium; awaiting: low). Raise on the day: an agency
//   shows the day it starts working with the child, as awaiting (medium) while its grace period is open, and the flag escalates (high) when a grace period
//   passes with the agency still not told. A fact holds until a later fact ends it: a disclosure to the
//   agency, or a closure summary about the child sent to it, ends its gap from that day, however late.
// action: >
//   Share the offender's status and live order conditions with each unaware agency (Rec 3, Rec 4),
//   starting with the GP; check with children's social care whether a referral is needed (Rec 1).
// ---
// One flag per offender and child (identity). A child is "offender-linked" during a link span, which is
// clipped to the child's childhood and starts no earlier than the offender's first notification period (an
// ended period does not end the link: it lowers the severity):
//   (a) a residence fact of the child at an address where a fact places the offender, the two overlapping,
//       read exactly as S1 reads them (shared parts in queries/cypher/): his police registrations, GP
//       registrations, tenancies, stays, visits that find him there and intelligence; the child's GP
//       registration, enrolment, birth address, tenancy, a setting's weekend address, children's social care
//       and police associates; a point fact holds until a later one replaces it. The link starts on the day
//       the overlap is knowable (the latest of its start and the days each fact was recorded);
//   (b) a birth record of the child naming the offender as mother or father (from the birth on);
//   (c) a police associate record of the offender with relationship 'child' (from the later of the
//       relationship start and the date police recorded it).
// An agency works with the child in a span from the first day of it that a GP registration or
// enrolment covers, or from a health contact dated in it. It is unaware when no disclosure about the
// offender reached it, and no closure summary of a referral about the child was sent to it, by as_of.
// The flag is raised on the earliest such start; "awaiting" while every unaware agency is still within
// grace_days of its start on as_of. Severity: high (awaiting: medium) when a notification period was in
// force on some day an unaware agency worked with the child in the span; otherwise medium (awaiting: low).
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
WHERE np.from <= $as_of
WITH o, collect(np) AS periods, min(np.from) AS notified_from
OPTIONAL MATCH (o)<-[:HAS_RECORD]-(oi:Identity)
CALL (o, oi) {
  // (a) where he lives or stays and where a child is recorded living, read as S1 reads them (a fact holds
  // from its date until a later one replaces it): queries/cypher/offender_places.cypher, child_homes.cypher
  WITH o, CASE WHEN oi IS NULL THEN [o] ELSE [(oi)-[:HAS_RECORD]->(r:Person) | r] END AS selves
  // include: offender_places
  // include: child_homes
  // a record with no date of birth on any record of the person is not taken for a child here (as in S1): a
  // partner recorded by police without one would otherwise be one
  WITH a, f, f_to, home, rec, dob, h_from, h_to, h_known
  WHERE dob IS NOT NULL
  WITH a, f, home, rec AS child, h_known,
       CASE WHEN h_from > f.from THEN h_from ELSE f.from END AS start,
       CASE WHEN h_to < f_to THEN h_to ELSE f_to END AS end
  WHERE start <= end
  WITH a, f, home, child, h_known, end,
       reduce(m = start, d IN [f.known, h_known] | CASE WHEN d > m THEN d ELSE m END) AS known
  WHERE known <= end
  RETURN child, known AS l_from, end AS l_to, 'lives where he stays (' + a.key + ')' AS link, a.key AS address,
         [{agency: f.agency, feed: f.feed, record_id: f.rid, date: f.known, what: 'offender: ' + f.what + ' (' + a.key + ')'},
          {agency: CASE home.source WHEN 'education_enrolments' THEN 'education' WHEN 'education_addresses' THEN 'education'
                   WHEN 'csc_persons' THEN 'childrens_social_care' WHEN 'police_associates' THEN 'police'
                   WHEN 'housing_tenancies' THEN 'housing' ELSE 'health' END,
           feed: home.source, record_id: home.source_id, date: h_known,
           what: coalesce(child.forenames + ' ', '') + coalesce(child.surname, '') + ' recorded ' +
                 CASE type(home) WHEN 'STAYS_AT' THEN 'staying' ELSE 'living' END + ' at ' + a.key}] AS l_ev
  UNION
  // (b) his (or her) child on a birth record: the parent's record is one of the offender's identity
  MATCH (oi)-[:HAS_RECORD]->(parent:Person)-[po:PARENT_OF]->(child:Person)<-[:BIRTH_OF]-(b:Birth)
  WHERE b.key = po.source_id AND b.date <= $as_of
  RETURN child, b.date AS l_from, $as_of AS l_to, 'named as ' + po.relationship + ' on the birth record' AS link,
         null AS address,
         [{agency: 'health', feed: b.source, record_id: b.source_id, date: b.date,
           what: 'birth of ' + coalesce(child.forenames + ' ', '') + child.surname + ', offender named as ' +
                 po.relationship}] AS l_ev
  UNION
  // (c) police record the child as his
  MATCH (child:Person)-[as:ASSOCIATE_OF {relationship: 'child'}]->(o)
  WHERE as.recorded <= $as_of
  RETURN child, CASE WHEN as.from > as.recorded THEN as.from ELSE as.recorded END AS l_from,
         coalesce(as.to, $as_of) AS l_to, 'recorded by police as his child' AS link, null AS address,
         [{agency: 'police', feed: as.source, record_id: as.source_id, date: as.recorded,
           what: 'police record ' + child.forenames + ' ' + child.surname + ' as his child'}] AS l_ev
}
// the child as one person across agencies; never the offender himself
OPTIONAL MATCH (child)<-[:HAS_RECORD]-(ci:Identity)
WITH o, oi, periods, notified_from, child, ci, l_from, l_to, link, address, l_ev, coalesce(child.dob, ci.dob) AS dob
WHERE ci IS NULL OR oi IS NULL OR ci <> oi
// closure summaries of referrals about the child, and who received them (they tell an agency too)
WITH o, periods, notified_from, child, ci, l_from, l_to, link, address, l_ev, dob,
     CASE WHEN ci IS NULL THEN [] ELSE
       [(ci)-[:HAS_RECORD]->(:Person)<-[:ABOUT]-(:Referral)<-[:CLOSES]-(:Closure)-[sent:SENT_TO]->(x:Agency) |
        {agency: x.key, date: sent.date}] END AS summaries
// clip the link to childhood (no date of birth: benefit of the doubt), from his first notification on
WITH o, periods, child, ci, link, address, l_ev, dob, summaries,
     [l_from, notified_from] AS starts,
     [l_to, $as_of,
      CASE WHEN dob IS NULL THEN $as_of ELSE dob + duration({years: 18}) - duration({days: 1}) END] AS ends
WITH o, periods, child, ci, link, address, l_ev, dob, summaries,
     reduce(m = starts[0], d IN starts | CASE WHEN d > m THEN d ELSE m END) AS s_from,
     reduce(m = ends[0], d IN ends | CASE WHEN d < m THEN d ELSE m END) AS s_to
WHERE s_from <= s_to
// agencies working with the child in the span, through every record of the child
UNWIND CASE WHEN ci IS NULL THEN [child] ELSE [(ci)-[:HAS_RECORD]->(r:Person) | r] END AS cr
CALL (cr, s_from, s_to) {
  MATCH (cr)-[w:REGISTERED_WITH|ENROLLED_AT]->(ag:Agency)
  WHERE w.from <= s_to AND (w.to IS NULL OR w.to >= s_from)
  RETURN ag, CASE WHEN w.from > s_from THEN w.from ELSE s_from END AS first,
         {agency: CASE type(w) WHEN 'ENROLLED_AT' THEN 'education' ELSE 'health' END, feed: w.source,
          record_id: w.source_id, date: w.from,
          what: CASE type(w) WHEN 'ENROLLED_AT' THEN 'enrolled at ' ELSE 'registered with ' END +
                coalesce(ag.name, ag.key)} AS w_ev
  UNION
  MATCH (cr)-[:HAD_CONTACT]->(c:Contact)-[:WITH_AGENCY]->(ag:Agency)
  WHERE c.kind = 'health_contact' AND s_from <= c.date <= s_to
  RETURN ag, c.date AS first,
         {agency: 'health', feed: c.source, record_id: c.source_id, date: c.date,
          what: c.contact_type + ' with ' + coalesce(ag.name, ag.key)} AS w_ev
}
// under notification requirements on some day the agency worked with the child in the span
WITH o, periods, child, ci, dob, summaries, link, address, l_ev, ag, first, w_ev,
     any(p IN periods WHERE p.from <= s_to AND coalesce(p.to, $as_of) >= first) AS in_force
ORDER BY first
WITH o, periods, coalesce(ci.key, child.key) AS child_key, ci, ag, min(first) AS first,
     head(collect(w_ev)) AS w_ev, any(x IN collect(in_force) WHERE x) AS in_force,
     head(collect(summaries)) AS summaries,
     collect(DISTINCT child.forenames + ' ' + child.surname) AS names, head(collect(dob)) AS dob,
     collect(DISTINCT link) AS links, collect(DISTINCT address) AS addresses, collect(l_ev) AS l_evs
// the agency is not told yet (a disclosure or a closure summary ends the gap from its day); it had to be told
// by first + grace_days: until then it is awaiting
WITH o, periods, child_key, ci, ag, first, w_ev, in_force, summaries, names, dob, links, addresses, l_evs,
     first + duration({days: $grace_days}) AS due
WHERE NOT EXISTS {
    MATCH (o)<-[:ABOUT]-(d:Disclosure)-[:DISCLOSED_TO]->(ag)
    WHERE d.date <= $as_of
  }
  AND NONE(sent IN summaries WHERE sent.agency = ag.key AND sent.date <= $as_of)
WITH o, periods, child_key, ci, ag, first, due, $as_of <= due AS open, w_ev, in_force, names, dob, links, addresses,
     l_evs
ORDER BY first, ag.key
WITH o, periods, child_key, ci, min(first) AS detected_on, all(x IN collect(open) WHERE x) AS awaiting,
     any(x IN collect(in_force) WHERE x) AS managed,
     [u IN collect({key: ag.key, name: coalesce(ag.name, ag.key), open: open, due: due, working_from: first}) |
      {key: u.key, name: u.name, working_from: u.working_from,
       status: CASE WHEN u.open THEN 'not told yet (due by ' + toString(u.due) + ')' ELSE 'not told' END}]
       AS unaware,
     [d IN collect(CASE WHEN open THEN due END) WHERE d IS NOT NULL] AS dues,
     collect(w_ev) AS w_evs,
     reduce(acc = [], x IN collect(names) | acc + [n IN x WHERE NOT n IN acc]) AS names,
     head(collect(dob)) AS dob,
     reduce(acc = [], x IN collect(links) | acc + [n IN x WHERE NOT n IN acc]) AS links,
     reduce(acc = [], x IN collect(addresses) | acc + [n IN x WHERE NOT n IN acc]) AS addresses,
     reduce(acc = [], x IN collect(l_evs) | acc + reduce(b = [], y IN x | b + y)) AS l_evs
WITH o, periods, child_key, detected_on, awaiting, managed, dues, unaware, w_evs, names, dob, links, addresses,
     reduce(acc = [], e IN l_evs | acc + CASE WHEN e IN acc THEN [] ELSE [e] END) AS l_evs,
     CASE WHEN ci IS NULL THEN [child_key] ELSE [(ci)-[:HAS_RECORD]->(r:Person) | r.key] END AS records
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, team, child_key, detected_on, awaiting, managed, dues, unaware, w_evs, names, dob, links, addresses, l_evs,
     records, reduce(m = null, p IN periods | CASE WHEN m IS NULL OR p.to > m THEN p.to ELSE m END) AS ended_on,
     o.forenames + ' ' + o.surname AS offender, head(names) AS child_name,
     reduce(t = '', u IN unaware | t + CASE t WHEN '' THEN '' ELSE ', ' END + u.name) AS unaware_text
RETURN
  [{key: child_key, name: child_name, dob: dob, records: records}] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  addresses,
  unaware + CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name, status: 'holds the record'}] END
    AS agencies,
  ['(' + offender + ')-[' + reduce(t = '', u IN links | t + CASE t WHEN '' THEN '' ELSE '; ' END + u) + ']-(' +
   child_name + ')<-[works with, not told]-(' + unaware_text + ')'] AS path,
  l_evs + w_evs AS evidence,
  detected_on,
  unaware_text + ' work(s) with ' + child_name + ', linked to offender ' + offender + ' (' +
  reduce(t = '', u IN links | t + CASE t WHEN '' THEN '' ELSE '; ' END + u) +
  '), and hold no record of his status' + CASE WHEN awaiting THEN ' yet' ELSE '' END +
  CASE WHEN managed OR ended_on IS NULL THEN ''
       ELSE ' (his notification requirements ended on ' + toString(ended_on) + ')' END AS summary,
  'line of sight' AS fact,
  CASE WHEN awaiting AND managed THEN 'medium' WHEN awaiting THEN 'low' WHEN managed THEN 'high' ELSE 'medium' END
    AS severity,
  CASE WHEN awaiting THEN 'awaiting disclosure to ' + unaware_text + ' by ' +
         toString(reduce(m = dues[0], x IN dues | CASE WHEN x < m THEN x ELSE m END))
       ELSE '' END AS status
ORDER BY detected_on
