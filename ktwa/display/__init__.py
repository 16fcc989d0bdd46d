"""Console display of q values: `show`, the one-line k form, error reports, `.Q.f`/`.Q.fmt`."""
from .console import error_text, one_line, qf, qfmt, show, show_lines

__all__ = ["show", "show_lines", "one_line", "error_text", "qf", "qfmt"]
