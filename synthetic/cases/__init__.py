"""Planted cases of every signal S1-S14, their decoys, and the detection rule of each signal.

Each signal's rule is the docstring of its `detect_sN` function; `plant_sN` and `decoy_sN` build a case
modelled on the practice review ("Case A", City and Hackney, 2024) and a look-alike that must not be
flagged. `registry.SIGNALS` lists them; `truth.evaluate` runs every rule over the generated records.
"""
