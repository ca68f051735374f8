// Remove every resolved identity and scored candidate link before a full rebuild; source records stay.
MATCH (i:Identity)
CALL (i) { DETACH DELETE i } IN TRANSACTIONS OF 5000 ROWS
