#!/usr/bin/env bash
# Generator smoke: run the generator over a document in the conventions of Stripe's full published spec3.json
# (tests/Stripe.Connect.Client.Generator.Tests/Documents/spec3-conventions.json, every operation its x-stripeOperations
# name), then compile what it wrote inside a scratch copy of the package, so shapes outside Connect are proven to build,
# not only to generate. The generator tests check the generated text; this checks that it compiles.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet run --project tools/Stripe.Connect.Client.Generator -c Release -- \
  --spec tests/Stripe.Connect.Client.Generator.Tests/Documents/spec3-conventions.json \
  --events spec/connect.events.json --out "$work/Generated" --all-operations

mkdir -p "$work/repo/src"
cp Directory.Build.props Directory.Packages.props global.json .editorconfig "$work/repo/"
cp src/Directory.Build.props "$work/repo/src/"
cp -r src/Stripe.Connect.Client "$work/repo/src/"
pkg="$work/repo/src/Stripe.Connect.Client"
rm -rf "$pkg/Generated" "$pkg/bin" "$pkg/obj"
# Hand-written parts that name Connect types the other document does not have.
rm -f "$pkg/Custom/AccountControllerInput.cs"
cp -r "$work/Generated" "$pkg/Generated"
# Errors only: the public API files and the hand-written docs' references are about the Connect surface.
dotnet build "$pkg" -c Release -f net10.0 -p:TreatWarningsAsErrors=false -p:RunAnalyzers=false -nologo -clp:ErrorsOnly
echo "the spec3-conventions document generates $(find "$work/Generated" -name '*.cs' | wc -l) files that compile"
