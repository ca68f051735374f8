// ---
// name: s12_closure_not_shared_or_silent_on_conditions
// title: A case was closed without telling every agency working with the child, or the closure summary leaves out live order conditions
// signal: S12
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   contact_days: {type: int, default: 365, help: A health service that saw the child within this many days before the closure is working with the child (CLOSURE_CONTACT_DAYS)}
// rationale: >
//   When children's social care closed the case in January 2019 the closure summary reached only some
//   agencies, and it said nothing of Mr A's notification requirements or of the SOPO conditions still in
//   force; it gave false reassurance and left most agencies unsighted (review 3.20, 5.33, 5.34; Rec 4).
//   Every closure is checked against the agencies working with the child on the day (GP practice and
//   education settings by registration or enrolment, health services by a recent contact) and, when the
//   child is linked to an offender whose order with conditions is live that day, against what the
//   summary states.
// action: >
//   Send the closure summary to every agency named here, stating the offender's notification requirements
//   and the live order conditions; agree a safety plan and who will share what (5.33, Rec 4).
// ---
// One flag per closure record. The child is the referral's child, reached as an identity so that the
// GP practice (nhs record), the school (upn record) and the CSC record count as one child.
// start from the closure records (index event_kind), not from every dated record
MATCH (cl:Event)
USING INDEX cl:Event(kind)
WHERE cl.kind = 'closure' AND cl.date <= $as_of
MATCH (cl)-[:CLOSES]->(ref:Referral)-[:ABOUT]->(c:Person)
MATCH (c)<-[:HAS_RECORD]-(ci:Identity)
WITH cl, ref, c, ci, cl.date AS t
// (a) agencies working with the child on the closure day, each with the latest record that shows it,
// that the closure summary was not sent to (by as_of)
CALL (cl, ci, t) {
  CALL (ci, t) {
    MATCH (ci)-[:HAS_RECORD]->(:Person)-[w:REGISTERED_WITH]->(ag:Agency)
    WHERE w.from <= t AND (w.to IS NULL OR w.to >= t)
    RETURN ag, {agency: 'health', feed: w.source, record_id: w.source_id, date: w.from,
                what: 'registered with ' + coalesce(ag.name, ag.key) + ' from ' + toString(w.from)} AS why
    UNION
    MATCH (ci)-[:HAS_RECORD]->(:Person)-[w:ENROLLED_AT]->(ag:Agency)
    WHERE w.from <= t AND (w.to IS NULL OR w.to >= t)
    RETURN ag, {agency: 'education', feed: w.source, record_id: w.source_id, date: w.from,
                what: 'enrolled at ' + coalesce(ag.name, ag.key) + ' from ' + toString(w.from)} AS why
    UNION
    MATCH (ci)-[:HAS_RECORD]->(:Person)-[:HAD_CONTACT]->(hc:Contact)-[:WITH_AGENCY]->(ag:Agency)
    WHERE hc.kind = 'health_contact' AND t - duration({days: $contact_days}) <= hc.date <= t
    RETURN ag, {agency: 'health', feed: hc.source, record_id: hc.source_id, date: hc.date,
                what: hc.contact_type + ' with ' + coalesce(ag.name, ag.key) + ' on ' + toString(hc.date)} AS why
  }
  WITH ag, why
  WHERE NOT EXISTS { MATCH (cl)-[st:SENT_TO]->(ag) WHERE st.date <= $as_of }
  WITH ag, why
  ORDER BY why.date DESC
  WITH ag, head(collect(why)) AS why
  ORDER BY ag.key
  RETURN collect({agency: ag, why: why}) AS missed
}
// (b) offenders the child is linked to on the closure day: his child on a birth record, his child on a
// police associate record, or a child recorded living where he lives, stays or visits at that time; while
// he is under notification requirements and the child is under 18 (links.py, "offender-linked child")
CALL (ci, t) {
  CALL (ci, t) {
    MATCH (ci)-[:HAS_RECORD]->(k:Person)<-[pf:PARENT_OF]-(:Person)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(o:Offender)
    WHERE o.nominal_id IS NOT NULL AND NOT (ci)-[:HAS_RECORD]->(o) AND k.dob IS NOT NULL
    RETURN o, k.dob AS from, k.dob + duration({years: 18}) - duration({days: 1}) AS to,
           {agency: 'health', feed: pf.source, record_id: pf.source_id, date: k.dob,
            what: 'birth record names him as ' + pf.relationship + ' of ' + k.forenames + ' ' + k.surname} AS how
    UNION
    MATCH (ci)-[:HAS_RECORD]->(a:Person)-[r:ASSOCIATE_OF {relationship: 'child'}]->(o:Offender)
    WITH ci, o, a, r, coalesce(a.dob, ci.dob) + duration({years: 18}) - duration({days: 1}) AS child_end
    RETURN o, CASE WHEN r.from IS NOT NULL AND r.from > r.recorded THEN r.from ELSE r.recorded END AS from,
           CASE WHEN child_end IS NULL OR coalesce(r.to, $as_of) < child_end THEN coalesce(r.to, $as_of)
                ELSE child_end END AS to,
           {agency: 'police', feed: r.source, record_id: r.source_id, date: r.recorded,
            what: a.forenames + ' ' + a.surname + ' recorded by police as his child'} AS how
    UNION
    MATCH (ci)-[:HAS_RECORD]->(k:Person)-[home:LIVES_AT]->(a:Address)
    WHERE home.source IN ['health_gp_registrations', 'education_enrolments', 'health_births']
      AND home.from <= t AND t <= CASE home.source WHEN 'health_births' THEN home.from ELSE coalesce(home.to, $as_of) END
    WITH ci, t, k, home, a, coalesce(k.dob, ci.dob) AS dob
    CALL (a, t) {
      MATCH (o:Offender)-[reg:REGISTERED_AT]->(a)
      WHERE reg.from <= t AND t <= coalesce(reg.to, $as_of)
      RETURN o, {agency: 'police', feed: reg.source, record_id: reg.source_id, date: reg.from,
                 what: 'he uses ' + a.key + ' (' + reg.type + ' address), where the child lives'} AS place
      UNION
      MATCH (i:Intelligence {category: 'staying_at_address'})-[:MENTIONS]->(a), (i)-[:ABOUT]->(o:Offender)
      WHERE i.date = t
      RETURN o, {agency: 'police', feed: i.source, record_id: i.source_id, date: i.date,
                 what: 'intelligence: he stays at ' + a.key + ', where the child lives'} AS place
    }
    WITH ci, t, o, dob, place
    WHERE NOT (ci)-[:HAS_RECORD]->(o)
    RETURN o, coalesce(dob, t) AS from,
           CASE WHEN dob IS NULL THEN t ELSE dob + duration({years: 18}) - duration({days: 1}) END AS to,
           place AS how
  }
  WITH o, how
  WHERE from <= t AND t <= to AND t <= $as_of
    AND EXISTS {
      MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
      WHERE np.from <= t AND t <= coalesce(np.to, $as_of)
    }
  WITH o, collect(DISTINCT how) AS hows
  // his orders carrying conditions, live on the closure day
  CALL (o, t) {
    OPTIONAL MATCH (o)-[so:SUBJECT_OF]->(ord:Order)-[:HAS_CONDITION]->(cond:Condition)
    WHERE so.from <= t AND (so.to IS NULL OR so.to >= t)
    WITH ord, so, collect(cond.condition_code) AS codes
    RETURN collect(CASE WHEN ord IS NULL THEN null ELSE {order: ord, rel: so, codes: codes} END) AS orders
  }
  WITH o, hows, orders
  ORDER BY size(orders) DESC, o.key
  RETURN collect({o: o, hows: hows, orders: orders}) AS linked
}
WITH cl, ref, c, ci, t, missed, linked,
     CASE WHEN cl.summary_includes_conditions THEN [] ELSE [x IN linked WHERE size(x.orders) > 0] END AS silent
WHERE size(missed) > 0 OR size(silent) > 0
WITH cl, ref, c, ci, t, missed, linked, silent, [(ci)-[:HAS_RECORD]->(r:Person) | r.key] AS child_records,
     c.forenames + ' ' + c.surname AS child_name,
     CASE WHEN size(linked) > 0 THEN linked[0].o END AS o
RETURN
  [{key: ci.key, name: child_name, dob: coalesce(c.dob, ci.dob), records: child_records}] AS children,
  CASE WHEN o IS NULL THEN null
       ELSE {key: o.key, name: o.forenames + ' ' + o.surname, dob: o.dob, risk_level: o.risk_level} END AS subject,
  [x IN linked | {key: x.o.key, name: x.o.forenames + ' ' + x.o.surname, role: 'offender'}] AS people,
  [] AS addresses,
  [m IN missed | {key: m.agency.key, name: coalesce(m.agency.name, m.agency.key)}] AS agencies,
  ['(closure ' + cl.source_id + ' ' + toString(t) + ')-[closes]->(referral ' + ref.source_id + ')-[about]->(' +
   child_name + ')'] +
  [m IN missed | '(' + child_name + ')-[' + m.why.what + ']->(' + coalesce(m.agency.name, m.agency.key) +
                 ')<-[no closure summary]-(closure ' + cl.source_id + ')'] +
  [x IN silent | '(' + child_name + ')-[linked: ' + x.hows[0].what + ']->(' + x.o.forenames + ' ' + x.o.surname +
                 ')-[subject of]->(' + x.orders[0].order.order_type + ' with ' +
                 reduce(s = '', code IN x.orders[0].codes | s + CASE s WHEN '' THEN '' ELSE ', ' END + code) +
                 ') not stated in the closure summary'] AS path,
  [{agency: 'childrens_social_care', feed: cl.source, record_id: cl.source_id, date: t,
    what: 'case of ' + child_name + ' closed' + coalesce(' (' + cl.closure_reason + ')', '') +
          CASE WHEN cl.summary_includes_conditions THEN '; summary states the order conditions'
               ELSE '; summary does not state any order conditions' END + coalesce(': "' + cl.summary + '"', '')},
   {agency: 'childrens_social_care', feed: ref.source, record_id: ref.source_id, date: ref.date,
    what: 'referral about ' + child_name}] +
  [m IN missed | m.why] +
  reduce(acc = [], x IN silent | acc + x.hows +
         [d IN x.orders | {agency: 'police', feed: d.rel.source, record_id: d.rel.source_id, date: d.rel.from,
                           what: d.order.order_type + ' live on ' + toString(t) + ' with conditions ' +
                                 reduce(s = '', code IN d.codes | s + CASE s WHEN '' THEN '' ELSE ', ' END + code)}]) AS evidence,
  t AS detected_on,
  'Case of ' + child_name + ' closed on ' + toString(t) +
  CASE WHEN size(missed) > 0
       THEN ' without sending the summary to ' + reduce(s = '', m IN missed | s + CASE s WHEN '' THEN '' ELSE ', ' END +
            coalesce(m.agency.name, m.agency.key))
       ELSE '' END +
  CASE WHEN size(silent) > 0
       THEN CASE WHEN size(missed) > 0 THEN ', and' ELSE '' END + ' with a summary silent on the live order conditions of ' +
            silent[0].o.forenames + ' ' + silent[0].o.surname
       ELSE '' END AS summary,
  cl.source + ':' + cl.source_id AS fact
ORDER BY detected_on
