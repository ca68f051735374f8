// Remove identities that are not the current set: drafts a rebuild left unfinished (a killed load or
// resolve) and the set a switch retired. Readers never see either (they read :Identity only); source
// records and reviewers' decisions (LinkDecision nodes) are never touched.
MATCH (i)
WHERE i:IdentityDraft OR i:IdentityRetired
CALL (i) { DETACH DELETE i } IN TRANSACTIONS OF 5000 ROWS
