// Nodes and relationships per source feed (the feed that first created them: provenance `source`).
CALL () {
  MATCH (n) RETURN n.source AS source, count(*) AS nodes, 0 AS relationships
  UNION ALL
  MATCH ()-[r]->() RETURN r.source AS source, 0 AS nodes, count(*) AS relationships
}
RETURN coalesce(source, '(none)') AS source, sum(nodes) AS nodes, sum(relationships) AS relationships
ORDER BY source
