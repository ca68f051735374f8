// Every source record of one feed ("feed:id"): the ids its nodes and relationships carry as provenance.
CALL () {
  MATCH (n) WHERE n.source = $feed RETURN n.source_id AS id
  UNION
  MATCH ()-[r]->() WHERE r.source = $feed RETURN r.source_id AS id
}
RETURN collect(DISTINCT $feed + ':' + id) AS records
