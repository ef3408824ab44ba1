"""Character classes of the Arabic script (Unicode facts, not language knowledge)."""

from __future__ import annotations

__all__ = ["ARABIC_LETTERS", "ARABIC_MARKS", "ZWNJ", "PRESENTATION_FORMS"]

# Letters of the Arabic, Arabic Supplement and Arabic Extended-A blocks (tatweel U+0640 and the
# combining marks excluded), as the body of a regex character class.
ARABIC_LETTERS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9"
)

# Combining marks used with Arabic letters (harakat, tanween, shadda, Quranic signs).
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08ff"

ZWNJ = "\u200c"

# Arabic presentation forms (contextual glyph codes from old encodings and PDFs): NFKC maps
# them back to letters.
PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefe"
