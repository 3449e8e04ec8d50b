"""The colours of the classes, wherever points or curves are coloured by class or by run."""

from __future__ import annotations

# Tableau's ten colours: distinct, and readable by most colour-blind students
PALETTE = (
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
)
