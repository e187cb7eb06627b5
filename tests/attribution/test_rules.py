"""Every rule is a value: a member that names it, says how sure it is, and why."""

from __future__ import annotations

import pytest

from service.attribution.quotes.direct import DIRECT_RULES
from service.attribution.rules import Rule
from service.attribution.speakers import SPEAKER_RULES


def test_every_rule_has_a_confidence_and_a_reason() -> None:
    for rule in Rule:
        assert 0 < rule.confidence <= 1, rule
        assert rule.reason.strip(), rule


def test_a_rule_is_found_by_the_name_the_api_gives() -> None:
    assert Rule.named("frame_after") is Rule.FRAME_AFTER
    assert Rule.FRAME_AFTER.value == "frame_after"


def test_an_unknown_name_is_no_rule() -> None:
    with pytest.raises(ValueError, match="frame_aftre"):
        Rule.named("frame_aftre")


def test_each_precedence_list_names_a_rule_once() -> None:
    for rules in ([rule for rule, _ in DIRECT_RULES], [rule for rule, _ in SPEAKER_RULES]):
        assert len(set(rules)) == len(rules)


def test_the_direct_rules_are_surer_in_the_order_they_are_asked_where_they_compete() -> None:
    # without_overlaps keeps the surer rule: a frame beside the quotation beats a colon or a label.
    assert Rule.FRAME_AFTER.confidence > Rule.FRAME_BEFORE.confidence > Rule.COLON_BEFORE.confidence
    assert Rule.UNATTRIBUTED.confidence == min(rule.confidence for rule in Rule)
