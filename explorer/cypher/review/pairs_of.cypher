// Every scored pair touching a person record, or any record of an identity, whatever its status: a reviewer
// finds an automatic link (status 'auto') here to reject it, or a decided pair to look at again.
CALL () {
  MATCH (p:Person {key: $key}) RETURN p
  UNION
  MATCH (:Identity {key: $key})-[:HAS_RECORD]->(p:Person) RETURN p
}
MATCH (p)-[m:MAY_BE_SAME]-(:Person)
WITH DISTINCT m
WITH startNode(m) AS a, m, endNode(m) AS b
OPTIONAL MATCH (d:LinkDecision {left: a.key, right: b.key})
RETURN a.key AS left, b.key AS right, m.probability AS probability, m.match_weight AS match_weight,
       m.status AS status, m.note AS note,
       trim(coalesce(a.forenames, '') + ' ' + coalesce(a.surname, '')) AS left_name, a.dob AS left_dob,
       a.source AS left_source,
       trim(coalesce(b.forenames, '') + ' ' + coalesce(b.surname, '')) AS right_name, b.dob AS right_dob,
       b.source AS right_source,
       d.decision AS decision, d.who AS decided_by, d.decided_at AS decided_at
ORDER BY probability DESC, left, right
