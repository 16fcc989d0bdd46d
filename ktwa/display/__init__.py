"""How a value or an error looks: console text (`show`, the one-line k form, error reports,
`.Q.f`/`.Q.fmt`) and HTML tables for notebooks."""
from .console import error_text, frame_text, one_line, qf, qfmt, show, show_lines
from .html import to_html

__all__ = ["show", "show_lines", "one_line", "error_text", "frame_text", "qf", "qfmt", "to_html"]
