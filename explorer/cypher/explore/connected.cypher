// One breadth-first step of the web of people around a chart node: the links of the frontier nodes through
// addresses, family and associate records, identities and the records that name two people (births,
// collections, MERLINs, intelligence, disclosures), never through agencies or practitioners.
MATCH (s) WHERE elementId(s) IN $frontier
MATCH (s)-[r:LIVES_AT|REGISTERED_AT|ASSOCIATE_OF|FAMILY_OF|PARENT_OF|PARTNER_OF|HAS_RECORD|ABOUT|MENTIONS|
           CONCERNS_CHILD|OF_CHILD|BY_ADULT|BIRTH_OF|DISCLOSED_TO]-(n)
WHERE NOT n:Agency AND NOT n:Practitioner AND NOT n:IdentityDraft AND NOT n:IdentityRetired
WITH DISTINCT r LIMIT $limit
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN elementId(r) AS id, type(r) AS type,
       {id: elementId(a), labels: labels(a), props: properties(a),
        identity: head([(a)<-[:HAS_RECORD]-(i:Identity) | i.key])} AS start,
       {id: elementId(b), labels: labels(b), props: properties(b),
        identity: head([(b)<-[:HAS_RECORD]-(i:Identity) | i.key])} AS end
