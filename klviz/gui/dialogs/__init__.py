"""Dialogs of the klviz window (each standalone: the main window opens them and reads their result)."""
