// Shortest chain of links between two chart nodes (their stored nodes given by element id), up to 8 steps.
// Practitioners never count as a link (they touch everyone they record); agencies only when asked, because
// "both registered with the same GP" is rarely the connection an analyst is after. Identity hops are kept:
// they are how one person's records in two agencies join up.
MATCH (a) WHERE elementId(a) IN $from
MATCH (b) WHERE elementId(b) IN $to AND b <> a
MATCH p = SHORTEST 1 (a)(()-[]-(x) WHERE x = b OR (NOT x:Practitioner AND NOT x:IdentityDraft AND NOT x:IdentityRetired AND ($through_agencies OR NOT x:Agency))){1,8}(b)
WITH p ORDER BY length(p) LIMIT 1
RETURN [n IN nodes(p) | {id: elementId(n), labels: labels(n), props: properties(n),
                          identity: head([(n)<-[:HAS_RECORD]-(i:Identity) | i.key])}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), props: properties(r),
                                 start: elementId(startNode(r)), end: elementId(endNode(r))}] AS rels
