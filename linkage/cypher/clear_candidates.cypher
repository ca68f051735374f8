// Remove scored candidate links this run did not score again (write_candidates.cypher updates the others in
// place, so the review queue and S14 never see a pair vanish and come back; reviewer decisions are separate
// nodes).
MATCH ()-[m:MAY_BE_SAME]->()
WHERE m.scored_at IS NULL OR m.scored_at <> $scored_at
CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS
