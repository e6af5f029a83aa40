"""Qt-free scenes: pure functions from a state to the frozen description of one view, read by the
views, the figures and the command line alike; none of them computes a measure itself. Import
the scene modules themselves (`klviz.scene.coding`, `klviz.scene.joint`); this package exports
nothing so that each stays light."""
