"""What a primitive does. Importing this package fills BUILTINS from every verbs module."""
from .core import BUILTINS, define, INFIX_KEYWORDS, GLYPHS  # noqa: F401
