// Whole-graph snapshot for equality tests: labels and properties of every node and every
// relationship with its end key, in a stable order.
MATCH (n)
OPTIONAL MATCH (n)-[r]->(m)
WITH n, r, m ORDER BY type(r), r.source_id, m.key
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.key, r.source, r.source_id] END) AS out
RETURN labels(n) AS labels, properties(n) AS props, out
ORDER BY n.key, labels(n)[0]
