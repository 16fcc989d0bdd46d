"""What a primitive does: arithmetic, lists, dicts/tables, text, casts, indexing.

Each module lists its built-ins with `define = Definitions()`; ktwa.runtime.table merges them
into the one table of q built-ins."""
