// One chart node by kind and key: a person (identity, or a record no identity links), an address, an agency,
// or any other node by element id. People come back with every record of their identity, so one person's
// records across agencies show as one node.
CALL () {
  MATCH (i:Identity {key: $key}) WHERE $kind = 'person'
  RETURN i AS identity, null AS n
  UNION
  MATCH (n:Person {key: $key}) WHERE $kind = 'record'
  RETURN null AS identity, n
  UNION
  MATCH (n:Address {key: $key}) WHERE $kind = 'address'
  RETURN null AS identity, n
  UNION
  MATCH (n:Agency {key: $key}) WHERE $kind = 'agency'
  RETURN null AS identity, n
  UNION
  MATCH (n) WHERE $kind = 'node' AND elementId(n) = $key
  RETURN null AS identity, n
}
RETURN $kind AS kind, $key AS key,
       CASE WHEN n IS NULL THEN ['Identity'] ELSE labels(n) END AS labels,
       CASE WHEN n IS NULL THEN properties(identity) ELSE properties(n) END AS props,
       CASE WHEN identity IS NOT NULL
            THEN [(identity)-[h:HAS_RECORD]->(r:Person) | r {.*, offender: r:Offender, practitioner: r:Practitioner, rule: h.rule}]
            WHEN n:Person THEN [n {.*, offender: n:Offender, practitioner: n:Practitioner, rule: 'alone'}]
            ELSE [] END AS records
