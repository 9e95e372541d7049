"""figures + changes -> what to say, with no file format in it."""
