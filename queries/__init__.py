"""Saved risk queries (.cypher files with metadata) and their runner."""
