// A person's household: the identities of everyone recorded at one of the person's addresses (living there,
// registered there) and of their direct family (parent, partner, family records), with every record key.
MATCH (:Identity {key: $key})-[:HAS_RECORD]->(p:Person)
CALL (p) {
  MATCH (p)-[:LIVES_AT|REGISTERED_AT]->(a:Address)<-[:LIVES_AT|REGISTERED_AT]-(o:Person)
  RETURN o, a.key AS address
  UNION
  MATCH (p)-[:PARENT_OF|PARTNER_OF|FAMILY_OF]-(o:Person)
  RETURN o, null AS address
  UNION
  RETURN p AS o, null AS address
}
MATCH (o)<-[:HAS_RECORD]-(i:Identity)
WHERE NOT o:Practitioner
WITH i, collect(DISTINCT address) AS addresses
MATCH (i)-[:HAS_RECORD]->(r:Person)
RETURN i.key AS identity, collect(r.key) AS records, addresses,
       head(collect(r.forenames + ' ' + r.surname)) AS name, head([d IN collect(r.dob) WHERE d IS NOT NULL]) AS dob
