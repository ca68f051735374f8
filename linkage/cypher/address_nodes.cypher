// Every Address with how many records point at it (the best-attested written form becomes canonical).
MATCH (a:Address)
RETURN a.key AS key, COUNT { (a)<--() } AS degree
