"""Reading prometheus_client counters in tests: what moved, by label, since a point in time."""

from __future__ import annotations

from prometheus_client import REGISTRY


class CounterDelta:
    """The samples of one counter (``name`` without ``_total``) now, to compare with later."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.before = self._values()

    def _values(self) -> dict[tuple[tuple[str, str], ...], float]:
        return {
            tuple(sorted(sample.labels.items())): sample.value
            for metric in REGISTRY.collect()
            for sample in metric.samples
            if sample.name == f"{self.name}_total"
        }

    def delta(self) -> dict[str, float]:
        """The increase of each sample that moved, keyed by its label values joined by commas
        (``""`` for a counter without labels)."""
        after = self._values()
        return {
            ",".join(value for _, value in labels): moved
            for labels, value in after.items()
            if (moved := value - self.before.get(labels, 0.0))
        }
