// The source records of one person ("feed:id"): the records that made each of the person's record nodes
// (every record of an identity, given its key or any of its record keys; or one record no identity holds),
// and every record that links one of those nodes to anything else (an address, a referral about them ...).
CALL () {
  MATCH (:Identity {key: $key})-[:HAS_RECORD]->(p:Person) RETURN p
  UNION
  MATCH (:Person {key: $key})<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(p:Person) RETURN p
  UNION
  MATCH (p:Person {key: $key}) RETURN p
}
CALL (p) {
  RETURN p.source + ':' + p.source_id AS record
  UNION
  MATCH (p)-[r]-() WHERE r.source IS NOT NULL RETURN r.source + ':' + r.source_id AS record
}
RETURN collect(DISTINCT p.key) AS people, collect(DISTINCT record) AS records
