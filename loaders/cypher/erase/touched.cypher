// The nodes an erasure touches (element ids): those the erased records made and the ends of their
// relationships. Parameters: $records ("feed:id").
CALL () {
  MATCH (n) WHERE n.source IS NOT NULL AND n.source + ':' + n.source_id IN $records RETURN n
  UNION
  MATCH (a)-[r]->(b) WHERE r.source IS NOT NULL AND r.source + ':' + r.source_id IN $records
  UNWIND [a, b] AS n
  RETURN n
}
RETURN collect(elementId(n)) AS nodes, collect(CASE WHEN n:Person THEN n.key END) AS people
