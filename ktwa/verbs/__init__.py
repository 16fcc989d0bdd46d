"""What a primitive does: arithmetic, lists, dicts/tables, text, casts, indexing; table verbs,
joins, enumerations, attributes, moving windows, and file i/o (whose every touch of the file
system goes through ktwa.verbs.disk).

Each module lists its built-ins with `define = Definitions()`; ktwa.runtime.table merges them
into the one table of q built-ins."""
