// The identity set readers see: its generation (moved on by every switch, linkage/cypher/switch_identities.cypher)
// and whether a switch is announced but not yet made, with for how long (a switch older than a minute was
// cut short: its writer died between announcing and making it).
OPTIONAL MATCH (s:IdentitySwitch {key: 'identities'})
RETURN coalesce(s.generation, 0) AS generation, s.pending_since IS NOT NULL AS pending,
       CASE WHEN s.pending_since IS NULL THEN 0
            ELSE duration.inSeconds(s.pending_since, datetime()).seconds END AS pending_for
