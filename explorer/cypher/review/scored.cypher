// How many pairs `sightline resolve` scored (0: it has not run, so there is nothing to review).
MATCH ()-[m:MAY_BE_SAME]->()
RETURN count(m) AS pairs
