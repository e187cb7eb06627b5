"""The one door for an article from any entry: read it (text, or HTML with source offsets), check it, shape the answer.

Above the engine (``service.attribution``), below the web layer and the archives: see ``door.py``.
"""
