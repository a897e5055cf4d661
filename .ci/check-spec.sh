#!/usr/bin/env bash
# The API facts the SDK is generated from live in spec/, a copy of the team's shared folder ../shared/stripe-api
# (the OpenAPI document, connect.surface.json, connect.events.json, fixtures/, README.md). Updates flow in on
# purpose: copy the shared folder over spec/, regenerate, and commit both in one change. This check fails when the
# two differ, so a drifted copy cannot pass CI unnoticed.
#
#   .ci/check-spec.sh [shared-folder]     (default: ../shared/stripe-api next to the repository)
#
# On a clone without the shared folder (a contributor's machine, a hosted CI runner) there is nothing to compare
# with: the check says so and passes; everything else (generator, tests, the in-memory API) reads spec/ only.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/stripe-api}
if [ ! -d "$shared" ]; then
  echo "spec/: no shared facts folder at $shared to compare with; skipped."
  exit 0
fi
if diff -r --brief "$shared" spec; then
  echo "spec/ is identical to $shared ($(find spec -type f | wc -l) files)."
else
  echo "spec/ differs from $shared. Copy the shared folder over spec/ (rm -rf spec && cp -r $shared spec)," >&2
  echo "run the generator (dotnet run --project tools/Stripe.Connect.Client.Generator) and commit both." >&2
  exit 1
fi
