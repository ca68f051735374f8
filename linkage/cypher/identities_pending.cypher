// Announce a switch of the identity set before making it (its own transaction, committed first): a reader
// that saw no switch pending when it began and sees the same generation and nothing pending when it ends
// read one identity set (graph/identity_set.py), however the switch's commit interleaved with its reads.
MERGE (s:IdentitySwitch {key: 'identities'})
  ON CREATE SET s.generation = 0
SET s.pending_since = datetime()
