"""Qt adaptors over the Qt-free state: SessionModel (every tab's state, one undo history) and
PresentationModel (quiz, look, theme). Widgets and pages subscribe to their signals."""
