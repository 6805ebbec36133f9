"""Texts about files on disk: read-only, links, rescue copies, signals. Key → (Danish, English)."""

FILE_TEXTS: dict[str, tuple[str, str]] = {
    # Reading files that are not project files
    "file.not_regular": ("ikke en almindelig fil (men en enhed, en pipe eller en socket); kun projektfiler kan åbnes",
                         "not a regular file (a device, a pipe or a socket); only project files can be opened"),
    "file.too_large": ("filen er større end grænsen på {limit} MB",
                       "the file is larger than the limit of {limit} MB"),
    "file.too_large_size": ("filen fylder {size} MB; grænsen er {limit} MB",
                            "the file is {size} MB; the limit is {limit} MB"),
}
