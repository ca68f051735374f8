// The whole review queue at a glance: pairs waiting for a reviewer, how many of them already have a decision
// (applied by the next resolve), and the feeds person records come from (the page's feed filter). Each part
// starts from an index or the smaller side (decisions are few), not from every scored pair.
CALL () {
  MATCH ()-[m:MAY_BE_SAME {status: 'review'}]->()
  RETURN count(m) AS pairs
}
CALL () {
  MATCH (d:LinkDecision)
  MATCH (:Person {key: d.left})-[:MAY_BE_SAME {status: 'review'}]->(:Person {key: d.right})
  RETURN count(d) AS decided
}
CALL () {
  MATCH (p:Person)
  RETURN collect(DISTINCT p.source) AS feeds
}
RETURN pairs, decided, feeds
