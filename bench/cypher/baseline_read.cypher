// Benchmark baseline: one indexed look-up and a little expansion, the cheapest useful read.
MATCH (p:Person {key: $key})
OPTIONAL MATCH (p)-[r]-(x)
RETURN p.key AS key, count(r) AS degree
