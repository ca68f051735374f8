// People by name across every agency's records, tolerant of spelling variants (Lucene fuzzy terms built by
// explorer/search.py from the typed words and their nicknames). Hits are grouped by resolved identity so
// one person's records across agencies come back as one result with every agency's badge. Exact matches
// come first ($words: the typed words, lower case, each found as a whole name part), then Lucene's score;
// `total` is how many people matched before the limit ("20 of 57"; `capped` when the index stopped at $hits); each record brings its addresses with
// their dates, so a hit can say where the person lives.
CALL db.index.fulltext.queryNodes('person_names', $query, {limit: $hits}) YIELD node, score
WITH collect({node: node, score: score}) AS raw
UNWIND raw AS x
WITH size(raw) >= $hits AS capped, x.node AS node, x.score AS score
OPTIONAL MATCH (node)<-[:HAS_RECORD]-(i:Identity)
WITH capped, node, score, i,
     size([w IN $words WHERE w IN split(toLower(coalesce(node.forenames, '') + ' ' + coalesce(node.surname, '')), ' ')])
       AS exact
WITH capped, coalesce(i.key, node.key) AS key, i, max(score) AS score, max(exact) AS exact
WITH capped, collect({key: key, i: i, score: score, exact: exact}) AS found
UNWIND found AS hit
WITH capped, size(found) AS total, hit.key AS key, hit.i AS i, hit.score AS score, hit.exact AS exact
ORDER BY exact DESC, score DESC
LIMIT $limit
CALL (key, i) {
  OPTIONAL MATCH (i)-[:HAS_RECORD]->(r:Person)
  WITH collect(r) AS linked
  OPTIONAL MATCH (lone:Person {key: key}) WHERE i IS NULL
  UNWIND CASE WHEN lone IS NULL THEN linked ELSE [lone] END AS r
  RETURN collect({key: r.key, source: r.source, name: r.forenames + ' ' + r.surname, forenames: r.forenames,
                  surname: r.surname, dob: r.dob, offender: r:Offender, practitioner: r:Practitioner, role: r.role,
                  addresses: [(r)-[l:LIVES_AT|REGISTERED_AT]->(a:Address) |
                              {line1: a.line1, postcode: a.postcode, from: l.from, to: l.to}]}) AS records
}
RETURN key, score, exact, total, capped,
       coalesce(i.forenames + ' ' + i.surname, records[0].name) AS name,
       coalesce(i.dob, head([r IN records WHERE r.dob IS NOT NULL | r.dob])) AS dob,
       records
ORDER BY exact DESC, score DESC
