// Pairs earlier runs scored (left < right), with their probability and evidence: an incremental run
// rebuilds identities from these plus the pairs it scores, as a full run with the same model would (the
// note tells a likely link, which every run derives again from the records, from a pair Splink scored).
MATCH (a:Person)-[m:MAY_BE_SAME]->(b:Person)
RETURN a.key AS left, b.key AS right, m.probability AS probability, m.match_weight AS match_weight,
       m.evidence AS evidence, m.note AS note
