"""The logistic function both trained components score with (cue model, story link)."""

from __future__ import annotations

import math


def sigmoid(z: float) -> float:
    """1 / (1 + e^-z), clipped at ±30 so a huge score cannot overflow."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
