// Whether probabilistic identities exist (then a load leaves them alone and new records wait for
// `sightline resolve --incremental`).
OPTIONAL MATCH (i:Identity {method: 'resolved'})
WITH i LIMIT 1
RETURN i IS NOT NULL AS resolved
