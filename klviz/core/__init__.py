"""The mathematics of klviz: numpy only (no Qt, no matplotlib, no scipy)."""

from klviz.core.discrete import (
    DiscreteMeasures,
    cross_entropy,
    discrete_measures,
    entropy,
    js_divergence,
    kl_divergence,
    kl_terms,
    support_mismatch,
)
from klviz.core.format import format_value
from klviz.core.gaussian import (
    ContinuousMeasures,
    FitResult,
    continuous_cross_entropy,
    continuous_kl,
    continuous_measures,
    differential_entropy,
    fit_forward_kl,
    fit_reverse_kl,
    log_density,
    moment_match,
    normal_cross_entropy,
    normal_entropy,
    normal_kl,
)
from klviz.core.spec import (
    Categorical,
    Mixture,
    Normal,
    check_range,
    check_same_kind,
    continuous_from_dict,
    is_discrete,
    parse_spec,
)
from klviz.core.units import UNITS, convert

__all__ = [name for name in dir() if not name.startswith("_")]
