"""Is there a screen to open a window on? Answered before Qt starts, because Qt aborts
the whole process when it cannot connect to a display."""

import os
import sys
from pathlib import Path

# Platforms that need no display server at all.
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def display_problem() -> str | None:
    """None when a window can be opened, otherwise a one-line reason for the user."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in _HEADLESS_PLATFORMS or sys.platform in ("win32", "darwin"):
        return None
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland and platform != "xcb":
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if Path(runtime, wayland).exists() or Path(wayland).is_absolute():
            return None
    display = os.environ.get("DISPLAY")
    if not display:
        return (
            "no display found: run SelfCheck in a desktop session "
            "(DISPLAY or WAYLAND_DISPLAY is not set)"
        )
    if not _x_display_reachable(display):
        return f"cannot connect to the X display {display!r}: is the desktop session running?"
    return None


def _x_display_reachable(display: str) -> bool:
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host in ("", "unix") or host.startswith("/"):
        path = host if host.startswith("/") else f"/tmp/.X11-unix/X{number}"  # noqa: S108
        # Linux X servers also listen on an abstract socket of the same name.
        # `_socket`, the C module under `socket`: the local check runs before the first
        # paint, and `socket` (with selectors and its enums) costs ~5 ms more to load.
        import _socket

        for address in (path, "\0" + path):
            sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
            try:
                sock.settimeout(2)
                sock.connect(address)
                return True
            except OSError:
                continue
            finally:
                sock.close()
        return False
    import socket  # a remote display: rare, and slow anyway

    try:
        with socket.create_connection((host, 6000 + int(number)), timeout=2):
            return True
    except OSError:
        return False
