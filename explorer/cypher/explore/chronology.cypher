// Every dated record (:Event) about the given person records or at the given addresses, up to $as_of:
// the merged multi-agency chronology a practice review rebuilds by hand. `who` names the people it is about.
CALL () {
  UNWIND $records AS k
  MATCH (p:Person {key: k})--(e:Event)
  RETURN e, p.forenames + ' ' + p.surname AS who
  UNION
  UNWIND $addresses AS k
  MATCH (:Address {key: k})--(e:Event)
  RETURN e, null AS who
}
WITH e, [w IN collect(DISTINCT who) WHERE w IS NOT NULL] AS who
WHERE e.date <= $as_of
RETURN e.date AS date, e.agency AS agency, e.system AS system, e.kind AS kind, e.summary AS summary,
       e.source AS source, e.source_id AS source_id, who, properties(e) AS props
ORDER BY date, source, source_id
