// Record a reviewer's decision on a scored pair of person records (left < right): the LinkDecision keeps the
// latest, which every later `sightline resolve` applies ('same' links the two records, 'different' never links
// them directly); each decision is also kept in order as a LinkDecisionUpdate (who, when, what, and the
// probability and status the reviewer saw), so the pair's history can be read back. No pair, no write.
MATCH (:Person {key: $left})-[m:MAY_BE_SAME]-(:Person {key: $right})
MERGE (d:LinkDecision {left: $left, right: $right})
ON CREATE SET d.created_at = $at
SET d.decision = $decision, d.who = $who, d.decided_at = $at, d.note = $note
CREATE (d)-[:HAS_UPDATE]->(:LinkDecisionUpdate {at: $at, who: $who, decision: $decision, note: $note,
                                                probability: m.probability, status: m.status})
