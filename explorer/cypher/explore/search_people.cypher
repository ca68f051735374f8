// People by name across every agency's records, tolerant of spelling variants (Lucene fuzzy terms built by
// explorer/search.py from the typed words and their nicknames). Hits are grouped by resolved identity so
// one person's records across agencies come back as one result with every agency's badge.
CALL db.index.fulltext.queryNodes('person_names', $query, {limit: $hits}) YIELD node, score
OPTIONAL MATCH (node)<-[:HAS_RECORD]-(i:Identity)
WITH coalesce(i.key, node.key) AS key, i, max(score) AS score
ORDER BY score DESC
LIMIT $limit
CALL (key, i) {
  OPTIONAL MATCH (i)-[:HAS_RECORD]->(r:Person)
  WITH collect(r) AS linked
  OPTIONAL MATCH (lone:Person {key: key}) WHERE i IS NULL
  UNWIND CASE WHEN lone IS NULL THEN linked ELSE [lone] END AS r
  RETURN collect({key: r.key, source: r.source, name: r.forenames + ' ' + r.surname, dob: r.dob,
                  offender: r:Offender, practitioner: r:Practitioner, role: r.role}) AS records
}
RETURN key, score,
       coalesce(i.forenames + ' ' + i.surname, records[0].name) AS name,
       coalesce(i.dob, head([r IN records WHERE r.dob IS NOT NULL | r.dob])) AS dob,
       records
ORDER BY score DESC
