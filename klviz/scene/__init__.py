"""Qt-free scenes: pure functions from a state to a frozen description of one view, read by the
views, the figures and the command line alike (ARCH.md). Import the scene modules themselves
(`klviz.scene.coding`); this package exports nothing so that each stays light."""
