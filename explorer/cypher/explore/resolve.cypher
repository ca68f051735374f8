// What a key from a search hit, worklist row or saved-query result opens: a person by identity (given the
// identity key or any of its record keys), a person record no identity links, an address or an agency.
CALL () {
  MATCH (i:Identity {key: $key}) RETURN 'person' AS kind, i.key AS key, 0 AS rank
  UNION
  MATCH (:Person {key: $key})<-[:HAS_RECORD]-(i:Identity) RETURN 'person' AS kind, i.key AS key, 1 AS rank
  UNION
  MATCH (p:Person {key: $key}) RETURN 'record' AS kind, p.key AS key, 2 AS rank
  UNION
  MATCH (a:Address {key: $key}) RETURN 'address' AS kind, a.key AS key, 3 AS rank
  UNION
  MATCH (g:Agency {key: $key}) RETURN 'agency' AS kind, g.key AS key, 4 AS rank
}
RETURN kind, key ORDER BY rank LIMIT 1
