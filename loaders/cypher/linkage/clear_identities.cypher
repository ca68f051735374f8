// Remove every identity before exact linkage rebuilds them (source records are never touched).
// Probabilistic identities from `sightline resolve` go too: run resolve again after a load.
MATCH (i:Identity)
WHERE $method IS NOT NULL
CALL (i) { DETACH DELETE i } IN TRANSACTIONS OF 5000 ROWS
