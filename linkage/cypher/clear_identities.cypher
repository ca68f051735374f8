// Remove every identity before exact linkage or `sightline resolve` rebuilds them; source records and
// reviewers' decisions (LinkDecision nodes) are never touched.
MATCH (i:Identity)
CALL (i) { DETACH DELETE i } IN TRANSACTIONS OF 5000 ROWS
