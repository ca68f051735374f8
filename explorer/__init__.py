"""The explorer's logic: data access taking a `Graph`, formatting and chart building for the thin pages."""
