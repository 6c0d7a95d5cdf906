"""The password measurer's helper process: its loop, kept apart from Qt, which the helper
would otherwise import on start (a few hundred milliseconds before the first report)."""

from multiprocessing.connection import Connection

from desktop.core.assessment.checks.password import measure


def serve(conn: Connection) -> None:
    """The helper's loop: a password and its context words in, a report out."""
    from desktop.core.base.coredump import forbid_core_dumps

    forbid_core_dumps()  # a started process is dumpable again: it holds passwords too
    while True:
        try:
            password, inputs = conn.recv()
        except (EOFError, OSError):
            return  # the app has gone
        report = measure(password, inputs)
        del password
        conn.send(report)
