// Addresses by street or postcode words (full-text index address_text on line1 and postcode), with how many
// people records and agencies are tied to each, so the analyst sees a busy address at a glance.
CALL db.index.fulltext.queryNodes('address_text', $query, {limit: $limit}) YIELD node AS a, score
RETURN a.key AS key, a.line1 AS line1, a.line2 AS line2, a.town AS town, a.postcode AS postcode, score,
       COUNT { (a)<-[:LIVES_AT|REGISTERED_AT]-(:Person) } AS people,
       [(a)<-[:LOCATED_AT]-(g:Agency) | g.name] AS agencies
ORDER BY score DESC
