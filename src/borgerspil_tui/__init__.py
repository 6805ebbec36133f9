"""borgerspil: citizen-centred innovation (Sæt borgeren i spil) in the terminal."""

__version__ = "0.1.0"
