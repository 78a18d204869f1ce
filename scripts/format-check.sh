#!/usr/bin/env bash
# Checks that the Swift sources are formatted as .swift-format says (swift format ships with
# the toolchain); prints each place that is not and exits non-zero. To fix them all:
#   swift format -i -r Sources Tests Package.swift
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --parallel -r Sources Tests Package.swift
