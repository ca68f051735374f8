// Every decision on one pair, newest first; a decision recorded without history (record_decision.cypher)
// shows as its latest state.
MATCH (d:LinkDecision {left: $left, right: $right})
CALL (d) {
  MATCH (d)-[:HAS_UPDATE]->(u:LinkDecisionUpdate)
  RETURN u.at AS decided_at, u.who AS who, u.decision AS decision, u.note AS note, u.probability AS probability
  UNION
  WITH d WHERE NOT EXISTS { (d)-[:HAS_UPDATE]->(:LinkDecisionUpdate) }
  RETURN d.decided_at AS decided_at, d.who AS who, d.decision AS decision, d.note AS note, null AS probability
}
RETURN decided_at, who, decision, note, probability
ORDER BY decided_at DESC
