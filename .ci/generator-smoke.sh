#!/usr/bin/env bash
# Generator smoke: run the generator over a document in the conventions of Stripe's full published spec3.json
# (tests/Stripe.Connect.Client.Generator.Tests/Documents/spec3-conventions.json, every operation its x-stripeOperations
# name): the generator must run through it without failing, reporting what it skips. The generator tests check the
# generated text. (Until the money, v2, OAuth and requirements layers landed, this also compiled the output inside a
# scratch copy of the package; those hand-written layers now name Connect types the other document lacks, so the
# compile step is gone until the package can build without them.)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet run --project tools/Stripe.Connect.Client.Generator -c Release -- \
  --spec tests/Stripe.Connect.Client.Generator.Tests/Documents/spec3-conventions.json \
  --events spec/connect.events.json --out "$work/Generated" --all-operations

echo "the spec3-conventions document generates $(find "$work/Generated" -name '*.cs' | wc -l) files"
