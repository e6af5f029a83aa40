"""Qt-free scenes: pure functions from a state to the frozen description a view draws.

Views (klviz.gui), figures (klviz.figures) and the command line read scenes; none of them
computes a measure itself. Each view has its own module (klviz.scene.joint, ...).
"""
