from tests.qt_fixtures import emulator, qt_loop, services, window

__all__ = ["emulator", "qt_loop", "services", "window"]
