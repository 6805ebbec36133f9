"""Texts about files on disk: read-only, links, rescue copies, signals. Key → (Danish, English)."""

FILE_TEXTS: dict[str, tuple[str, str]] = {
    # Reading files that are not project files
    "file.not_regular": ("ikke en almindelig fil (men en enhed, en pipe eller en socket); kun projektfiler kan åbnes",
                         "not a regular file (a device, a pipe or a socket); only project files can be opened"),
    "file.too_large": ("filen er større end grænsen på {limit} MB",
                       "the file is larger than the limit of {limit} MB"),
    "file.too_large_size": ("filen fylder {size} MB; grænsen er {limit} MB",
                            "the file is {size} MB; the limit is {limit} MB"),
    # Why a file cannot be saved
    "file.read_only": ("filen er skrivebeskyttet", "the file is read-only"),
    "file.folder_read_only": ("mappen er skrivebeskyttet", "the folder is read-only"),
    "file.no_permission": ("du har ikke lov til at skrive her", "you are not allowed to write here"),
    "file.disk_full": ("der er ikke mere plads på disken", "the disk is full"),
    "file.read_only_fs": ("drevet er skrivebeskyttet", "the drive is read-only"),
    "file.no_folder": ("mappen findes ikke", "the folder does not exist"),
}
