"""The PySide6 desktop app. Binds widgets to `desktop.core`; holds no policy logic."""
