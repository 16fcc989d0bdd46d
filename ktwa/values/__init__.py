"""What a q value is: see types.py for the representation contract."""
from .types import *  # noqa: F401,F403
from .types import QDict, QTable, match
from .functions import (QFunction, Builtin, Lambda, Projection, Composition, Derived, Native,
                        MISSING)
