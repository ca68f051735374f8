// One candidate pair side by side: the scored link (probability, match weight, per-field evidence, status)
// and both person records as their sources hold them, with their addresses and the identity each is in now.
MATCH (a:Person {key: $left})-[m:MAY_BE_SAME]-(b:Person {key: $right})
RETURN m.probability AS probability, m.match_weight AS match_weight, m.status AS status, m.note AS note,
       m.evidence AS evidence, m.scored_at AS scored_at,
       [p IN [a, b] | p {.key, .surname, .forenames, .dob, .sex, .nhs_number, .source, .source_id, .sources,
         offender: p:Offender,
         addresses: [(p)-[:LIVES_AT|REGISTERED_AT]->(x:Address) | coalesce(x.line1 + ', ', '') + coalesce(x.postcode, x.key)],
         identity: head([(p)<-[h:HAS_RECORD]-(i:Identity) |
           i {.key, .forenames, .surname, .method, records: i.records, rule: h.rule}])}] AS records
