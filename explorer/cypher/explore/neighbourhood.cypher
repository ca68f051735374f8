// The neighbours of one chart node, capped: `total` counts them all, `shown` holds the first $limit
// (people first, then addresses, records by date, agencies last). Neighbouring person records are grouped
// by identity, so a child known to health and to a school is one neighbour with both links.
CALL () {
  MATCH (:Identity {key: $key})-[:HAS_RECORD]->(s:Person) WHERE $kind = 'person' RETURN s
  UNION
  MATCH (s:Person {key: $key}) WHERE $kind = 'record' RETURN s
  UNION
  MATCH (s:Address {key: $key}) WHERE $kind = 'address' RETURN s
  UNION
  MATCH (s:Agency {key: $key}) WHERE $kind = 'agency' RETURN s
  UNION
  MATCH (s) WHERE $kind = 'node' AND elementId(s) = $key RETURN s
}
MATCH (s)-[r]-(n)
WHERE NOT n:Identity AND NOT n:IdentityDraft AND NOT n:IdentityRetired
OPTIONAL MATCH (n)<-[:HAS_RECORD]-(ni:Identity)
WITH r, n, ni, startNode(r) = s AS outgoing,
     CASE WHEN ni IS NOT NULL THEN 'person' WHEN n:Person THEN 'record' WHEN n:Address THEN 'address'
          WHEN n:Agency THEN 'agency' ELSE 'node' END AS kind
WITH r, n, ni, outgoing, kind,
     CASE kind WHEN 'person' THEN ni.key WHEN 'node' THEN elementId(n) ELSE n.key END AS nkey
WHERE NOT (kind = 'person' AND $kind = 'person' AND nkey = $key)
WITH kind, nkey, ni, head(collect(n)) AS n,
     collect({id: elementId(r), type: type(r), props: properties(r), outgoing: outgoing}) AS rels
WITH kind, nkey, ni, n, rels,
     CASE kind WHEN 'person' THEN 0 WHEN 'record' THEN 0 WHEN 'address' THEN 1 WHEN 'agency' THEN 3 ELSE 2 END AS rank
ORDER BY rank, n.date DESC, nkey
WITH collect({kind: kind, key: nkey, identity: ni, n: n, rels: rels}) AS found
CALL (found) {
  UNWIND found[0..$limit] AS x
  WITH x, x.identity AS i, x.n AS n
  RETURN collect({
    kind: x.kind, key: x.key, rels: x.rels,
    labels: CASE WHEN i IS NULL THEN labels(n) ELSE ['Identity'] END,
    props: CASE WHEN i IS NULL THEN properties(n) ELSE properties(i) END,
    records: CASE
      WHEN i IS NOT NULL THEN [(i)-[h:HAS_RECORD]->(r:Person) |
                               r {.*, offender: r:Offender, practitioner: r:Practitioner, rule: h.rule}]
      WHEN x.kind = 'record' THEN [n {.*, offender: n:Offender, practitioner: n:Practitioner, rule: 'alone'}]
      ELSE [] END
  }) AS shown
}
RETURN size(found) AS total, shown
