// Remove the facts no note proposes any more (a note corrected at source, a rule withdrawn), so that reading
// every note again leaves exactly what they say today. Parameters: $keys (every fact key read now).
MATCH (n:NoteFact)
WHERE NOT n.key IN $keys
DETACH DELETE n
