// Address and relationship changes of the given person records, up to $as_of, for the chronology: the day
// each address record starts or ends (living, registered, staying at), and the day each recorded relationship
// (partner, associate, family) starts. `other` is the address or the other person, as written or as their
// identity names them (an address as `line1 | postcode`, which explorer.chronology words).
UNWIND $records AS k
MATCH (p:Person {key: k})
CALL (p) {
  MATCH (p)-[r:LIVES_AT|REGISTERED_AT|STAYS_AT]->(a:Address)
  UNWIND [['from', coalesce(r.from, r.recorded)], ['to', r.to]] AS change
  WITH p, r, a, change WHERE change[1] IS NOT NULL
  RETURN change[1] AS date, 'address' AS what, change[0] AS edge, type(r) AS link, r.source AS source,
         r.source_id AS source_id, coalesce(a.line1, '') + ' | ' + coalesce(a.postcode, '') AS other,
         null AS relationship
  UNION
  MATCH (p)-[r:ASSOCIATE_OF|FAMILY_OF|PARTNER_OF]-(o:Person)
  WITH p, r, o, coalesce(r.from, r.recorded) AS date WHERE date IS NOT NULL
  RETURN date, 'relationship' AS what, 'from' AS edge, type(r) AS link, r.source AS source,
         r.source_id AS source_id,
         coalesce(head([(o)<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(q:Person) WHERE q.surname IS NOT NULL |
                        trim(coalesce(q.forenames, '') + ' ' + q.surname)]),
                  trim(coalesce(o.forenames, '') + ' ' + coalesce(o.surname, ''))) AS other,
         r.relationship AS relationship
}
WITH p, date, what, edge, link, source, source_id, other, relationship WHERE date <= $as_of
RETURN date, what, edge, link, source, source_id, other, relationship,
       trim(coalesce(p.forenames, '') + ' ' + coalesce(p.surname, '')) AS who
ORDER BY date, source, source_id
