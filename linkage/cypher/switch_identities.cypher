// The switch, in one transaction: the current identities are retired and the drafts become the identities,
// and the generation moves on. Only labels change (no relationship is written), so the transaction stays
// small whatever the number of identities; the retired set is deleted afterwards (clear_identities.cypher).
MATCH (s:IdentitySwitch {key: 'identities'})
CALL () {
  MATCH (old:Identity)
  REMOVE old:Identity
  SET old:IdentityRetired
  RETURN count(old) AS retired
}
CALL () {
  MATCH (new:IdentityDraft)
  REMOVE new:IdentityDraft
  SET new:Identity
  RETURN count(new) AS current
}
SET s.generation = s.generation + 1, s.pending_since = null
RETURN s.generation AS generation, retired, current
