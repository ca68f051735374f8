"""Feed text is data: every value from a feed that goes into Streamlit markdown (labels, captions, expanders,
messages) passes through `md`, so a name like `:red-badge[offender] ![x](http://…)` shows as typed instead of
drawing a badge or fetching an outside image."""

from __future__ import annotations

import re
import string
from typing import Any

# CommonMark lets any ASCII punctuation be escaped with a backslash; Streamlit's directives (:red-badge[..],
# :material/icon:), emoji short codes, LaTeX ($) and links are all built from punctuation, so escaping every
# punctuation character disarms all of them and still shows the text exactly.
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def md(value: Any) -> str:
    """The value as literal text inside Streamlit markdown (None is empty); newlines become spaces."""
    if value is None:
        return ""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))
