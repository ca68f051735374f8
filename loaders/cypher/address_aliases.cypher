// Address keys that record linkage folded into another Address: loads map them to the canonical key.
MATCH (alias:AddressAlias)
RETURN alias.key AS key, alias.canonical AS canonical
