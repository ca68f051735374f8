// Candidate pairs waiting for a reviewer (`sightline resolve` scored them between its review and accept
// thresholds, or held an automatic link back), most probable first, each with the reviewer's decision when one
// was already made: it takes effect at the next resolve. Pairs are stored left -> right with left < right.
MATCH (a:Person)-[m:MAY_BE_SAME {status: 'review'}]->(b:Person)
OPTIONAL MATCH (d:LinkDecision {left: a.key, right: b.key})
RETURN a.key AS left, b.key AS right, m.probability AS probability, m.match_weight AS match_weight,
       m.status AS status, m.note AS note,
       trim(coalesce(a.forenames, '') + ' ' + coalesce(a.surname, '')) AS left_name, a.dob AS left_dob,
       a.source AS left_source,
       trim(coalesce(b.forenames, '') + ' ' + coalesce(b.surname, '')) AS right_name, b.dob AS right_dob,
       b.source AS right_source,
       d.decision AS decision, d.who AS decided_by, d.decided_at AS decided_at
ORDER BY probability DESC, left, right
