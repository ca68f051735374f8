// Erase the relationships the erased records made (each carries its record as source and source_id).
MATCH ()-[r]->()
WHERE r.source IS NOT NULL AND r.source + ':' + r.source_id IN $records
CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS
