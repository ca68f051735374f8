// Remove identities of one linkage method before they are rebuilt (source records are never touched).
MATCH (i:Identity {method: $method})
CALL (i) { DETACH DELETE i } IN TRANSACTIONS OF 5000 ROWS
