// ---
// name: s13_disguised_compliance
// title: Recorded as "engaging well" while concealing a child or breaching his requirements or order
// signal: S13
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
//   lookback_days: {type: int, default: 365, help: A notification breach or an unsupervised contact this recent makes "engaging well" disguised compliance (BREACH_LOOKBACK_DAYS)}
//   travel_notice_days: {type: int, default: 90, help: A travel notification counts when made at most this many days before departure (TRAVEL_NOTICE_DAYS)}
//   notify_days: {type: int, default: 3, help: Days allowed to notify a new passport or a new address (CHANGE_NOTIFY_DAYS, SOA 2003 s.84)}
// rationale: >
//   Jigsaw 1 and children's social care both recorded that Mr A was "working well" with them while he had
//   concealed the births of his children and breached his notification requirements and his SOPO; that
//   lack of honesty should have led to a strong hypothesis of disguised compliance (review 5.28, also 3.4,
//   3.10, 3.12, 3.13, 3.22, 3.23). A home visit, probation contact or risk assessment recording "engaging
//   well" raises this flag when, that day, a child of his was born and not recorded by police as his child,
//   or he had a recent notification breach (travel or a new passport not notified, a missed or late
//   notification, an address never notified, staying at an unregistered address), a job bringing contact
//   with under-16s that his order forbids, or a recent unsupervised contact with a child that his order
//   forbids; or when a note about him (often the note of that very contact) describes a role with children
//   or looking after children that his order forbids: the flag then says it comes from a note.
// action: >
//   Challenge the "engaging well" assessment: review the offender's ARMS with the concealed child or the
//   breach in view, consider enforcement, and refer any child concerned to children's social care (5.28,
//   Rec 1, Rec 2).
// ---
// One flag per "engaging well" record, while under notification requirements, that is the first on which one
// of the reasons below holds (his first such record, and the first after each new breach). Each reason is a
// record and the span of days [lo, hi] during which it makes "engaging well" disguised compliance; the same person's records in other agencies
// (birth father, traveller, employee, adult collecting a child) are reached through his identity.
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL AND o:Offender
MATCH (o)<-[:HAS_RECORD]-(oi:Identity)
// his "engaging well" records: police home visits and interviews, probation contacts of the same person, his risk assessments
CALL (o, oi) {
  MATCH (o)-[:VISITED_IN]->(v:Visit)
  WHERE v.engagement = 'engaging well' AND v.date <= $as_of
  RETURN v AS rec
  UNION
  MATCH (oi)-[:HAS_RECORD]->(:Person)-[:HAD_CONTACT]->(pc:Contact)
  WHERE pc.kind = 'probation_contact' AND pc.engagement = 'engaging well' AND pc.date <= $as_of
  RETURN pc AS rec
  UNION
  // engagement the assessor recorded on his risk assessment (ARMS)
  MATCH (o)-[:ASSESSED_IN]->(ra:RiskAssessment)
  WHERE ra.engagement = 'engaging well' AND ra.date <= $as_of
  RETURN ra AS rec
}
WITH o, oi, rec
WHERE EXISTS {
  MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
  WHERE np.from <= rec.date AND (np.to IS NULL OR rec.date <= np.to)
}
WITH o, oi, collect(rec) AS recs
// the reasons, each valid over [lo, hi]
CALL (o, oi) {
  // (i) a child born to him, under 18, not (yet) recorded by police as his child
  MATCH (oi)-[:HAS_RECORD]->(:Person)-[pf:PARENT_OF]->(k:Person)
  WHERE k.dob <= $as_of AND NOT (oi)-[:HAS_RECORD]->(k)
  OPTIONAL MATCH (k)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(:Person)-[known:ASSOCIATE_OF {relationship: 'child'}]->(o)
  WITH o, k, pf, min(known.recorded) AS known_on
  WITH k, pf, k.dob AS lo,
       CASE WHEN known_on IS NOT NULL AND known_on - duration({days: 1}) < k.dob + duration({years: 18}) - duration({days: 1})
            THEN known_on - duration({days: 1})
            ELSE k.dob + duration({years: 18}) - duration({days: 1}) END AS hi
  RETURN lo, hi, k AS child, 'concealed the birth of ' + k.forenames + ' ' + k.surname + ' (' + toString(k.dob) + ')' AS what,
         {agency: 'health', feed: pf.source, record_id: pf.source_id, date: k.dob,
          what: 'birth of ' + k.forenames + ' ' + k.surname + ' names him as ' + pf.relationship +
                '; police hold no record of the child'} AS ev
  UNION
  // S8 (a) travel abroad with no travel notification in the notice period before departure
  MATCH (oi)-[:HAS_RECORD]->(:Person)-[:TRAVELLED]->(tr:Travel)
  WHERE tr.date <= $as_of
    AND EXISTS {
      MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
      WHERE np.from <= tr.date AND (np.to IS NULL OR tr.date <= np.to)
    }
    AND NOT EXISTS {
      MATCH (o)-[:MADE_NOTIFICATION]->(n:Notification)
      WHERE n.notification_type = 'travel' AND n.notification_date IS NOT NULL
        AND tr.date - duration({days: $travel_notice_days}) <= n.notification_date <= tr.date
    }
  RETURN tr.date AS lo, tr.date + duration({days: $lookback_days}) AS hi, null AS child,
         'travelled to ' + tr.destination + ' on ' + toString(tr.date) + ' without notifying' AS what,
         {agency: 'border_force', feed: tr.source, record_id: tr.source_id, date: tr.date,
          what: 'departed for ' + tr.destination + '; no travel notification'} AS ev
  UNION
  // S8 (b) a passport issued during his requirements and not notified within the allowed days
  MATCH (oi)-[:HAS_RECORD]->(pp:Person)-[:TRAVELLED]->(tr:Travel)
  WHERE pp.passport_number IS NOT NULL AND tr.date <= $as_of AND tr.passport_issued_date IS NOT NULL
  WITH o, pp, tr
  ORDER BY tr.date
  WITH o, pp, head(collect(tr)) AS tr
  WITH o, pp, tr, tr.passport_issued_date AS p
  WHERE p + duration({days: $notify_days + 1}) <= $as_of
    AND p > COLLECT { MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod) RETURN np.from ORDER BY np.from LIMIT 1 }[0]
    AND EXISTS {
      MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
      WHERE np.from <= p AND (np.to IS NULL OR p <= np.to)
    }
    AND NOT EXISTS {
      MATCH (o)-[:MADE_NOTIFICATION]->(n:Notification)
      WHERE n.notification_type = 'passport' AND n.notification_date IS NOT NULL
        AND p <= n.notification_date <= p + duration({days: $notify_days})
    }
  WITH pp, tr, p, p + duration({days: $notify_days + 1}) AS lo
  RETURN lo, lo + duration({days: $lookback_days}) AS hi, null AS child,
         'did not notify passport ' + pp.passport_number + ' issued ' + toString(p) AS what,
         {agency: 'border_force', feed: tr.source, record_id: tr.source_id, date: p,
          what: 'travelled on passport ' + pp.passport_number + ' issued ' + toString(p) + '; never notified'} AS ev
  UNION
  // S8 (c) a notification missed or made late
  MATCH (o)-[:MADE_NOTIFICATION]->(n:Notification)
  WHERE n.outcome IN ['missed', 'late'] AND n.due_date + duration({days: 1}) <= $as_of
  WITH n, n.due_date + duration({days: 1}) AS lo
  RETURN lo, lo + duration({days: $lookback_days}) AS hi, null AS child,
         CASE n.outcome WHEN 'missed' THEN 'never made the ' + n.notification_type + ' notification due ' + toString(n.due_date)
           ELSE 'made the ' + n.notification_type + ' notification due ' + toString(n.due_date) + ' late' END AS what,
         {agency: 'police', feed: n.source, record_id: n.source_id, date: n.date,
          what: n.notification_type + ' notification due ' + toString(n.due_date) + ': ' + n.outcome} AS ev
  UNION
  // S8 (d) an address he uses that he never notified
  MATCH (o)-[reg:REGISTERED_AT]->(a:Address)
  WHERE reg.notified IS NULL AND reg.from + duration({days: $notify_days + 1}) <= $as_of
    AND EXISTS {
      MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
      WHERE np.from <= reg.from AND (np.to IS NULL OR reg.from <= np.to)
    }
  WITH reg, a, reg.from + duration({days: $notify_days + 1}) AS lo
  RETURN lo, lo + duration({days: $lookback_days}) AS hi, null AS child,
         'never notified his ' + reg.type + ' address ' + a.key AS what,
         {agency: 'police', feed: reg.source, record_id: reg.source_id, date: reg.from,
          what: reg.type + ' address ' + a.key + ' from ' + toString(reg.from) + ', never notified by him'} AS ev
  UNION
  // S8 (e) intelligence that he stays at an address he has not registered for that day
  MATCH (i:Intelligence)-[:ABOUT]->(o)
  WHERE i.category = 'staying_at_address' AND i.date <= $as_of
    AND EXISTS {
      MATCH (o)-[np:SUBJECT_OF]->(:NotificationPeriod)
      WHERE np.from <= i.date AND (np.to IS NULL OR i.date <= np.to)
    }
    AND NOT EXISTS {
      MATCH (i)-[:MENTIONS]->(:Address)<-[reg:REGISTERED_AT]-(o)
      WHERE reg.from <= i.date <= coalesce(reg.to, $as_of)
    }
  RETURN i.date AS lo, i.date + duration({days: $lookback_days}) AS hi, null AS child,
         'stays at an address he has not registered (intelligence ' + toString(i.date) + ')' AS what,
         {agency: 'police', feed: i.source, record_id: i.source_id, date: i.date,
          what: 'intelligence: ' + coalesce(i.summary, 'staying at an unregistered address')} AS ev
  UNION
  // S9 (a) a job likely to bring contact with under-16s while an order forbids it: for as long as the job lasts
  MATCH (oi)-[:HAS_RECORD]->(:Person)-[ei:EMPLOYED_IN]->(job:Employment)
  WHERE job.contact_with_children AND ei.from <= $as_of
  MATCH (o)-[so:SUBJECT_OF]->(:Order)-[:HAS_CONDITION]->(:Condition {condition_code: 'NO_WORK_WITH_U16'})
  WITH ei, job,
       CASE WHEN so.from > ei.from THEN so.from ELSE ei.from END AS first,
       CASE WHEN coalesce(so.to, $as_of) < coalesce(ei.to, $as_of) THEN coalesce(so.to, $as_of)
            ELSE coalesce(ei.to, $as_of) END AS last
  WHERE first <= last
  WITH ei, job, min(first) AS lo
  RETURN lo, coalesce(ei.to, date('9999-12-31')) AS hi, null AS child,
         'works as ' + job.job_title + ' although his order forbids work with under-16s' AS what,
         {agency: 'employment', feed: job.source, record_id: job.source_id, date: job.date,
          what: job.job_title + ' from ' + toString(job.date) + ' (contact with children)'} AS ev
  UNION
  // S9 from a note (notes/matcher.py): a note about him (often the note of the "engaging well" record itself)
  // describes a role with children or looking after children alone, while an order forbids it; the flag
  // says it came from a note and cites the sentence, for the analyst to confirm
  MATCH (oi)-[:HAS_RECORD]->(:Person)<-[:NOTE_ABOUT]-(nf:NoteFact)
  WHERE nf.kind IN ['child_role', 'unsupervised_contact'] AND nf.date <= $as_of
    AND EXISTS {
      MATCH (o)-[so:SUBJECT_OF]->(:Order)-[:HAS_CONDITION]->(c:Condition)
      WHERE c.condition_code = CASE nf.kind WHEN 'child_role' THEN 'NO_WORK_WITH_U16' ELSE 'NO_UNSUPERVISED_CONTACT_U16' END
        AND so.from <= nf.date <= coalesce(so.to, $as_of)
    }
  RETURN nf.date AS lo, nf.date + duration({days: $lookback_days}) AS hi, null AS child,
         CASE nf.kind WHEN 'child_role' THEN 'described a role with children that his order forbids'
                      ELSE 'described looking after children alone, which his order forbids' END +
         ' (from a note: "' + nf.sentence + '")' AS what,
         {agency: nf.agency, feed: nf.source, record_id: nf.source_id, date: nf.date,
          what: 'from a note: "' + nf.sentence + '"', from_note: true, sentence: nf.sentence} AS ev
  UNION
  // S9 (b) alone with a child under 16 at a setting while an order forbids unsupervised contact
  MATCH (oi)-[:HAS_RECORD]->(:Person)<-[:BY_ADULT]-(col:Collection)-[:OF_CHILD]->(pupil:Person)
  WHERE col.unaccompanied AND col.date <= $as_of
    AND (pupil.dob IS NULL OR col.date < pupil.dob + duration({years: 16}))
    AND EXISTS {
      MATCH (o)-[so:SUBJECT_OF]->(:Order)-[:HAS_CONDITION]->(:Condition {condition_code: 'NO_UNSUPERVISED_CONTACT_U16'})
      WHERE so.from <= col.date <= coalesce(so.to, $as_of)
    }
  RETURN col.date AS lo, col.date + duration({days: $lookback_days}) AS hi, pupil AS child,
         'collected ' + pupil.forenames + ' ' + pupil.surname + ' alone on ' + toString(col.date) +
         ' although his order forbids unsupervised contact' AS what,
         {agency: 'education', feed: col.source, record_id: col.source_id, date: col.date,
          what: 'collected ' + pupil.forenames + ' ' + pupil.surname + ' alone' + coalesce(': ' + col.summary, '')} AS ev
}
WITH o, oi, recs, collect({lo: lo, hi: hi, child: child, what: what, ev: ev}) AS reasons
// the "engaging well" records (by date, then feed and record id) on a day some reason holds; for each reason,
// the first of them: one flag per such record (a later breach is a new flag, an old one is not raised again)
UNWIND recs AS rec
WITH o, rec, reasons, [i IN range(0, size(reasons) - 1) WHERE reasons[i].lo <= rec.date <= reasons[i].hi] AS ix
WHERE size(ix) > 0
WITH o, rec, reasons, ix
ORDER BY rec.date, rec.source, rec.source_id
WITH o, reasons, collect({rec: rec, ix: ix}) AS seen
WITH o, reasons, seen,
     [i IN range(0, size(reasons) - 1) | head([n IN range(0, size(seen) - 1) WHERE i IN seen[n].ix])] AS firsts
UNWIND [n IN range(0, size(seen) - 1) WHERE n IN firsts] AS n
WITH o, seen[n].rec AS rec, [i IN seen[n].ix | reasons[i]] AS held
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
OPTIONAL MATCH (rec)<-[:HAD_CONTACT]-(:Person)-[:SUPERVISED_BY]->(unit:Agency)
// children the reasons name (a concealed child, a child collected alone), as identities
CALL (held) {
  UNWIND [r IN held WHERE r.child IS NOT NULL | r.child] AS k
  OPTIONAL MATCH (k)<-[:HAS_RECORD]-(ki:Identity)
  WITH DISTINCT k, ki
  RETURN collect({key: coalesce(ki.key, k.key), name: k.forenames + ' ' + k.surname, dob: coalesce(k.dob, ki.dob),
                  records: coalesce([(ki)-[:HAS_RECORD]->(r:Person) | r.key], [k.key])}) AS children
}
WITH o, rec, held, children, coalesce(CASE rec.kind WHEN 'visit' THEN team ELSE unit END, team) AS recorder,
     o.forenames + ' ' + o.surname AS name,
     CASE rec.kind WHEN 'visit' THEN 'police ' + replace(coalesce(rec.visit_type, 'visit'), '_', ' ')
                   WHEN 'risk_assessment' THEN 'police ' + coalesce(rec.tool, 'risk') + ' assessment'
                   ELSE 'probation ' + replace(coalesce(rec.contact_type, 'contact'), '_', ' ') END AS seen_in
RETURN
  children,
  {key: o.key, name: name, dob: o.dob, risk_level: o.risk_level} AS subject,
  [{key: o.key, name: name, role: 'offender'}] AS people,
  [] AS addresses,
  CASE WHEN recorder IS NULL THEN [] ELSE [{key: recorder.key, name: coalesce(recorder.name, recorder.key)}] END AS agencies,
  ['(' + name + ')-[recorded "engaging well" at a ' + seen_in + ' on ' + toString(rec.date) + ']->(' +
   coalesce(recorder.name, rec.agency) + ')'] +
  [r IN held | '(' + name + ')-[' + r.what + ']->(' + r.ev.feed + ' ' + r.ev.record_id + ')'] AS path,
  [{agency: rec.agency, feed: rec.source, record_id: rec.source_id, date: rec.date,
    what: seen_in + ': engaging well' + coalesce(': "' + rec.summary + '"', '')}] + [r IN held | r.ev] AS evidence,
  rec.date AS detected_on,
  name + ' was recorded as engaging well (' + seen_in + ', ' + toString(rec.date) + ') while he ' +
  reduce(s = '', r IN held | s + CASE s WHEN '' THEN '' ELSE '; ' END + r.what) AS summary,
  rec.source + ':' + rec.source_id AS fact,
  CASE WHEN all(r IN held WHERE coalesce(r.ev.from_note, false)) THEN 'from a note' END AS confidence
ORDER BY detected_on
