// Person records no identity holds yet: the new arrivals an incremental resolve links.
MATCH (p:Person)
WHERE NOT p:Practitioner AND NOT EXISTS { (p)<-[:HAS_RECORD]-(:Identity) }
RETURN p.key AS key
