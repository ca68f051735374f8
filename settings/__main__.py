"""`python -m settings`: the README's settings table, generated from `Settings`."""

from settings import markdown_table

print(markdown_table())
