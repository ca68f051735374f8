// Agencies and settings by name or code. The directory is small (hundreds of rows), so a label scan is fine.
MATCH (g:Agency)
WHERE toLower(g.name) CONTAINS toLower($text) OR toLower(g.key) = toLower($text)
  OR toLower(g.agency_type) = replace(toLower($text), ' ', '_')
RETURN g.key AS key, g.name AS name, g.agency_type AS agency_type, g.area AS area
ORDER BY g.name
LIMIT $limit
