// The stored nodes behind a chart node: every record of a person's identity, or the one address, agency or node.
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
RETURN elementId(s) AS id
