// Record a reviewer's decision that two person records are (or are not) the same person.
MERGE (d:LinkDecision {left: $left, right: $right})
SET d.decision = $decision, d.who = $who, d.decided_at = datetime(), d.note = $note
