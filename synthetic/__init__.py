"""Synthetic population generator: every feed of feeds.yaml plus ground_truth.json, seeded and repeatable.

`generate(people, seed, out, case_rate, variation_rate, as_of)` is the whole public face; see
`generator` for the pipeline and `cases` for the planted signals and their detection rules.
"""

from synthetic.generator import Summary, generate

__all__ = ["Summary", "generate"]
