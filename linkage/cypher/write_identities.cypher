// A draft of the next identity set, built beside the current one: one IdentityDraft per cluster of person
// records, each record linked with the rule that linked it, and (resolve) its group of deterministic links:
// records of one identity in different groups are one person only by a probabilistic or reviewed link.
// Readers see none of it until switch_identities.cypher makes the drafts the identities in one transaction.
// Source records are never merged or changed.
UNWIND $clusters AS c
CREATE (i:IdentityDraft {key: c.key})
SET i.method = $method, i.surname = c.surname, i.forenames = c.forenames, i.dob = c.dob,
    i.records = size(c.records), i.resolved_at = $resolved_at
WITH i, c
UNWIND c.records AS rec
MATCH (p:Person {key: rec.key})
CREATE (i)-[h:HAS_RECORD]->(p)
SET h.rule = rec.rule, h.probability = rec.probability, h.exact_group = rec.group
