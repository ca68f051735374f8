// Scored pairs of person records: match probability, match weight, the evidence of each field, and
// whether the pair was linked automatically or waits for a reviewer.
UNWIND $pairs AS pair
MATCH (a:Person {key: pair.left}), (b:Person {key: pair.right})
MERGE (a)-[m:MAY_BE_SAME]->(b)
SET m.probability = pair.probability, m.match_weight = pair.match_weight, m.status = pair.status,
    m.evidence = pair.evidence, m.note = pair.note, m.scored_at = $scored_at
