#!/usr/bin/env bash
# Regenerates the PublicAPI.Unshipped.txt files of a packed project from the build itself.
#
#   tools/update-public-api.sh [project-dir ...]     (default: src/Stripe.Connect.Client)
#
# Microsoft.CodeAnalysis.PublicApiAnalyzers fails the build (RS0016: a public symbol missing from the files,
# RS0017: a listed symbol no longer exists) whenever the public API changes, e.g. after the generator adds
# services. This script empties the Unshipped files, builds every target framework with warnings allowed, and
# writes back every symbol RS0016 reports, in the exact format the analyzer uses (its messages quote the file
# line), sorted ordinally for stable diffs:
#   - symbols every target framework has go to <project>/PublicAPI.Unshipped.txt;
#   - the rest go to <project>/PublicAPI/<tfm>/PublicAPI.Unshipped.txt (e.g. the JSON source generator annotates
#     its members differently on .NET 8 and .NET 10); the project file includes those when they exist.
# Symbols in the Shipped files stay there; a shipped symbol that disappeared still fails the build (RS0017) on
# purpose: that is a breaking change for a human to decide on.
#
# (`dotnet format analyzers --diagnostics RS0016` is not used: it skips generated code, and most of the API is
# generated.) Review the diff before committing it. At a release, move the Unshipped lines to the Shipped files.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

projects=("$@")
[ ${#projects[@]} -eq 0 ] && projects=(src/Stripe.Connect.Client)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for dir in "${projects[@]}"; do
  dir=${dir%/}
  csproj=$(ls "$dir"/*.csproj)
  tfms=$(dotnet msbuild "$csproj" -getProperty:TargetFrameworks)
  [ -n "$tfms" ] || tfms=$(dotnet msbuild "$csproj" -getProperty:TargetFramework)
  IFS=';' read -r -a tfms <<< "$tfms"

  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  [ -f "$dir/PublicAPI.Unshipped.txt" ] && cp "$dir/PublicAPI.Unshipped.txt" "$work/before.txt" || : > "$work/before.txt"
  backup="$work/backup"
  rm -rf "$backup" && mkdir -p "$backup"
  cp -r "$dir"/PublicAPI.Unshipped.txt "$backup/" 2>/dev/null || true
  [ -d "$dir/PublicAPI" ] && cp -r "$dir/PublicAPI" "$backup/"
  restore() {
    cp "$backup/PublicAPI.Unshipped.txt" "$dir/" 2>/dev/null || true
    rm -rf "$dir/PublicAPI" && { [ -d "$backup/PublicAPI" ] && cp -r "$backup/PublicAPI" "$dir/" || true; }
  }

  # Start from empty Unshipped files so that removed symbols disappear too.
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  for tfm in "${tfms[@]}"; do
    [ -f "$dir/PublicAPI/$tfm/PublicAPI.Unshipped.txt" ] && printf '#nullable enable\n' > "$dir/PublicAPI/$tfm/PublicAPI.Unshipped.txt"
  done

  for tfm in "${tfms[@]}"; do
    echo "building $dir ($tfm) to collect its public API..."
    log="$work/$tfm.log"
    # --no-incremental makes the analyzers run again; warnings are allowed so every RS0016 is reported.
    if ! dotnet build "$csproj" -c Release -f "$tfm" --no-incremental -p:TreatWarningsAsErrors=false \
        -p:CodeAnalysisTreatWarningsAsErrors=false -clp:NoSummary > "$log" 2>&1; then
      grep -E ': error ' "$log" | sort -u | head -40 >&2 || tail -40 "$log" >&2
      restore
      echo "the build failed for another reason; the PublicAPI files are restored" >&2
      exit 1
    fi
    grep -E 'warning RS0016: ' "$log" \
      | sed -E "s/.*warning RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/" \
      | LC_ALL=C sort -u > "$work/$tfm.txt" || true
    if grep -qE 'warning RS0017: ' "$log"; then
      echo "RS0017 ($tfm): listed symbols that no longer exist (from a Shipped file: a breaking change):" >&2
      grep -E 'warning RS0017: ' "$log" | sed -E 's/.*warning RS0017: //; s/ \(https.*//' | sort -u >&2
    fi
  done

  # Symbols common to every target framework, then each framework's own.
  cp "$work/${tfms[0]}.txt" "$work/common.txt"
  for tfm in "${tfms[@]:1}"; do
    LC_ALL=C comm -12 "$work/common.txt" "$work/$tfm.txt" > "$work/common.next" && mv "$work/common.next" "$work/common.txt"
  done
  { printf '#nullable enable\n'; cat "$work/common.txt"; } > "$dir/PublicAPI.Unshipped.txt"
  for tfm in "${tfms[@]}"; do
    LC_ALL=C comm -23 "$work/$tfm.txt" "$work/common.txt" > "$work/$tfm.only"
    target="$dir/PublicAPI/$tfm/PublicAPI.Unshipped.txt"
    if [ -s "$work/$tfm.only" ]; then
      mkdir -p "$(dirname "$target")"
      [ -f "$dir/PublicAPI/$tfm/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI/$tfm/PublicAPI.Shipped.txt"
      { printf '#nullable enable\n'; cat "$work/$tfm.only"; } > "$target"
      echo "$target: $(wc -l < "$work/$tfm.only") symbols"
    elif [ -f "$target" ]; then
      printf '#nullable enable\n' > "$target"
    fi
  done
  echo "$dir/PublicAPI.Unshipped.txt: $(wc -l < "$work/common.txt") symbols"
  diff <(grep -v '^#' "$work/before.txt" | LC_ALL=C sort) "$work/common.txt" | grep -E '^[<>]' | sed 's/^</  removed:/; s/^>/  added:  /' | head -40 || true
done
