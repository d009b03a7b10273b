"""Names of the panel's roles, conflict types, rules and states as a person reads them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.panel import AggregationRule, ConflictType, Role


def role_text(role: Role) -> str:
    translate = QCoreApplication.translate
    return {
        Role.CHAIR: translate("PanelTexts", "Chair"),
        Role.MEMBER: translate("PanelTexts", "Member"),
        Role.SECRETARY: translate("PanelTexts", "Member and secretary"),
        Role.ASSISTANT_SECRETARY: translate("PanelTexts", "Assistant secretary"),
    }[role]


def conflict_type_text(kind: ConflictType) -> str:
    translate = QCoreApplication.translate
    return {
        ConflictType.FORMER_EMPLOYEE: translate("PanelTexts", "Former employee of the agency"),
        ConflictType.RELATIVE: translate("PanelTexts", "Relative of the agency's executives or indicator owners"),
        ConflictType.FINANCIAL_INTEREST: translate("PanelTexts", "Financial interest"),
        ConflictType.OTHER: translate("PanelTexts", "Other"),
    }[kind]


def rule_text(rule: AggregationRule) -> str:
    translate = QCoreApplication.translate
    return {
        AggregationRule.MEAN: translate("PanelTexts", "Mean of the members' scores"),
        AggregationRule.MEDIAN: translate("PanelTexts", "Median of the members' scores"),
        AggregationRule.CONSENSUS: translate("PanelTexts", "Consensus value entered by the chair"),
    }[rule]


def rule_short(rule: AggregationRule) -> str:
    translate = QCoreApplication.translate
    return {
        AggregationRule.MEAN: translate("PanelTexts", "mean"),
        AggregationRule.MEDIAN: translate("PanelTexts", "median"),
        AggregationRule.CONSENSUS: translate("PanelTexts", "consensus"),
    }[rule]
