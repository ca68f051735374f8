// ---
// name: s9_child_contact_work_during_order
// title: A job likely to bring contact with under-16s while an order forbids such work
// signal: S9
// severity: high
// parameters:
//   as_of: {type: date, default: today, help: Replay the records as they stood on this day}
// rationale: >
//   In November 2019 Mr A took a supermarket job that may have brought him into close, regular and
//   unsupervised contact with under-16s while his SOPO forbade it; ViSOR showed two earlier periods of
//   similar work, and no risk assessment or action followed (review 3.23, 5.19). Every employment record
//   (paid, unpaid or voluntary: `role_type`)
//   of the offender (the same person through record linkage) marked as bringing contact with children,
//   overlapping an order with a NO_WORK_WITH_U16 condition, raises this flag, whatever his recorded risk
//   level.
// action: >
//   Establish the role and hours with the employer, treat as a possible breach of the order, and reassess
//   risk; consider disclosure to the employer (3.23, Rec 3).
// ---
// One flag per employment record. The conflict starts on the first day the job and an order with the
// condition overlap (open-ended job or order: to as_of).
MATCH (o:Person)
WHERE o.nominal_id IS NOT NULL
MATCH (o)-[so:SUBJECT_OF]->(ord:Order)-[:HAS_CONDITION]->(cond:Condition {condition_code: 'NO_WORK_WITH_U16'})
WHERE so.from <= $as_of
MATCH (o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(employee:Person)-[job_rel:EMPLOYED_IN]->(job:Employment)
WHERE job.contact_with_children AND job_rel.from <= $as_of
WITH o, ord, so, cond, employee, job_rel, job,
     CASE WHEN job_rel.from > so.from THEN job_rel.from ELSE so.from END AS first,
     reduce(m = $as_of, d IN [so.to, job_rel.to] | CASE WHEN d IS NOT NULL AND d < m THEN d ELSE m END) AS last
WHERE first <= last
WITH o, employee, job_rel, job, first, ord, so, cond ORDER BY first
WITH o, employee, job_rel, job, min(first) AS first,
     collect({agency: 'police', feed: so.source, record_id: so.source_id, date: so.from,
              what: ord.order_type + ' ' + toString(so.from) + ' to ' + coalesce(toString(so.to), 'indefinite') +
                    ': ' + cond.condition_text}) AS orders
MATCH (job)-[:EMPLOYER]->(employer:Agency)
OPTIONAL MATCH (o)-[:MANAGED_BY]->(team:Agency)
WITH o, employee, job_rel, job, first, orders, employer, team, o.forenames + ' ' + o.surname AS offender
RETURN
  [] AS children,
  {key: o.key, name: offender, dob: o.dob, risk_level: o.risk_level, mappa_level: o.mappa_level} AS subject,
  [{key: o.key, name: offender, role: 'offender'}] AS people,
  [] AS addresses,
  [{key: employer.key, name: coalesce(employer.name, employer.key)}] +
  CASE WHEN team IS NULL THEN [] ELSE [{key: team.key, name: team.name}] END AS agencies,
  ['(' + offender + ')-[same person]-(' + employee.key + ')-[employed from ' + toString(job_rel.from) + ' as ' +
   job.job_title + ']->(' + coalesce(employer.name, employer.key) + ')',
   '(' + offender + ')-[subject of order: no work with under-16s]->(' + head(orders).what + ')'] AS path,
  [{agency: 'employment', feed: job.source, record_id: job.source_id, date: job_rel.from,
    what: job.job_title + ' at ' + coalesce(employer.name, employer.key) +
          CASE WHEN job.role_type IN ['unpaid', 'voluntary'] THEN ' (' + job.role_type + ')' ELSE '' END +
          ', contact with children'}] + orders
    AS evidence,
  first AS detected_on,
  offender + ' works as ' + job.job_title + ' at ' + coalesce(employer.name, employer.key) + ' from ' +
  toString(job_rel.from) + ' while an order forbids work with under-16s' AS summary,
  job.source + ':' + job.source_id AS fact
ORDER BY detected_on
