#!/usr/bin/env bash
# Packs the SDK (and Stripe.Connect.Client.Testing when it exists), checks the packages' metadata, then installs
# the fresh Stripe.Connect.Client package into a scratch console project from a local folder feed and runs it,
# offline, so that a broken package cannot ship.
#
#   .ci/pack-smoke.sh            (packages land in artifacts/packages)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$root/artifacts/packages"
fail() { echo "pack smoke: FAILED: $*" >&2; exit 1; }

# SourceLink needs a hosted remote (GitHub, GitLab, Azure Repos, Bitbucket) to map the sources to; without one
# (no remote, or a clone of a local folder as in CI) it warns, and warnings are errors.
sourcelink=false
case "$(git -C "$root" remote get-url origin 2>/dev/null || true)" in
  https://*|git@*|ssh://*) sourcelink=true ;;
esac

projects=(src/Stripe.Connect.Client/Stripe.Connect.Client.csproj)
[ -f src/Stripe.Connect.Client.Testing/Stripe.Connect.Client.Testing.csproj ] && projects+=(src/Stripe.Connect.Client.Testing/Stripe.Connect.Client.Testing.csproj)

rm -rf "$out"
for project in "${projects[@]}"; do
  echo "== pack $project (SourceLink: $sourcelink)"
  dotnet pack "$project" -c Release -o "$out" -p:ContinuousIntegrationBuild=true -p:EnableSourceLink=$sourcelink
done

version=$(dotnet msbuild src/Stripe.Connect.Client/Stripe.Connect.Client.csproj -getProperty:Version)
nupkg="$out/Stripe.Connect.Client.$version.nupkg"
[ -f "$nupkg" ] || fail "$nupkg was not produced"
[ -f "$out/Stripe.Connect.Client.$version.snupkg" ] || fail "no symbols package (.snupkg)"

echo "== check package contents and metadata"
contents=$(unzip -l "$nupkg")
for entry in README.md lib/net8.0/Stripe.Connect.Client.dll lib/net8.0/Stripe.Connect.Client.xml \
             lib/net10.0/Stripe.Connect.Client.dll lib/net10.0/Stripe.Connect.Client.xml \
             runtimes/linux-x64/lib/net10.0/Stripe.Connect.Client.dll; do
  grep -q " $entry\$" <<< "$contents" || fail "$entry is missing from the package"
done
symbols=$(unzip -l "$out/Stripe.Connect.Client.$version.snupkg")
for entry in lib/net8.0/Stripe.Connect.Client.pdb lib/net10.0/Stripe.Connect.Client.pdb; do
  grep -q " $entry\$" <<< "$symbols" || fail "$entry is missing from the symbols package"
done
nuspec=$(unzip -p "$nupkg" Stripe.Connect.Client.nuspec)
grep -q '<license type="expression">MIT</license>' <<< "$nuspec" || fail "no MIT licence expression"
grep -q '<readme>README.md</readme>' <<< "$nuspec" || fail "no readme"
grep -q '<repository type="git" url="https://' <<< "$nuspec" || fail "no repository URL"
grep -q '<icon>' <<< "$nuspec" && fail "the package has an icon"
grep -q '<dependencies>' <<< "$nuspec" || fail "no dependency groups"

echo "== install into a scratch console project"
scratch=$(mktemp -d)   # outside the repository: its Directory.*.props and central package management must not apply
trap 'rm -rf "$scratch"' EXIT
# A package cached under the same version by an earlier run would hide a broken one: drop it first.
globals=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
rm -rf "$globals/stripe.connect.client/$version" "$globals/stripe.connect.client.testing/$version"

# The local feed serves our packages only; every other package comes from the sources configured on this machine.
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"local\" value=\"$out\" />"
  n=0
  while read -r state url; do
    [ "$state" = "E" ] || continue
    n=$((n + 1))
    echo "    <add key=\"upstream$n\" value=\"$url\" />"
  done < <(cd "$scratch" && dotnet nuget list source --format short)
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="local"><package pattern="Stripe.Connect.Client" /><package pattern="Stripe.Connect.Client.*" /></packageSource>'
  for i in $(seq 1 "$n"); do
    echo "    <packageSource key=\"upstream$i\"><package pattern=\"*\" /></packageSource>"
  done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} > "$scratch/nuget.config"

mkdir "$scratch/app"
cat > "$scratch/app/Smoke.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <!-- net8.0 is built too, so the package's net8.0 assets are resolved and compiled against. -->
    <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- No native launcher: the .NET 8 apphost pack would have to be downloaded just for this check. -->
    <UseAppHost>false</UseAppHost>
  </PropertyGroup>
</Project>
XML
cat > "$scratch/app/Program.cs" <<'CS'
using System.Net;
using System.Text;
using Stripe.Connect.Client;

// 1. Options are validated: a publishable key and plain http to a remote host are refused.
if (new ConnectClientOptions { ApiKey = "pk_test_123456789" }.Validate().Count == 0)
{
    throw new InvalidOperationException("a publishable key was accepted");
}

try
{
    _ = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_smoke123456", BaseAddress = new Uri("http://api.stripe.com/") });
    throw new InvalidOperationException("plain http to a remote host was accepted");
}
catch (ArgumentException)
{
}

// 2. A call through the whole pipeline, answered in memory (no network): the form body is encoded and the JSON decoded.
using var http = new HttpClient(new CannedHandler());
using var client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_smoke123456" }, http);
var link = await client.AccountLinks.CreateAsync(new AccountLinkCreateRequest
{
    Account = "acct_123",
    RefreshUrl = "https://example.com/refresh?a=1",
    ReturnUrl = "https://example.com/return",
    Type = AccountLinkType.AccountOnboarding,
});
if (link.Url != "https://connect.stripe.com/setup/s/smoke" || link.StripeResponse?.RequestId != "req_smoke")
{
    throw new InvalidOperationException("unexpected account link: " + link);
}

// 3. A webhook payload is read offline into the typed event and object (the JSON metadata is internal since the
// generator issue; the typed parsers are the public way in).
var parsed = StripeWebhook.ParseEvent("""{"id":"evt_1","object":"event","type":"account.updated","created":1,"livemode":false,"data":{"object":{"id":"acct_1","object":"account","created":2}}}""");
if (parsed.Type != StripeEventType.AccountUpdated || parsed.Data.Object is not Account { Id: "acct_1" } account
    || account.Created != DateTimeOffset.FromUnixTimeSeconds(2))
{
    throw new InvalidOperationException("decoding failed");
}

Console.WriteLine("pack smoke: the installed package works");

internal sealed class CannedHandler : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        const string Expected = "account=acct_123&refresh_url=https%3A%2F%2Fexample.com%2Frefresh%3Fa%3D1&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding";
        if (request.RequestUri?.AbsoluteUri != "https://api.stripe.com/v1/account_links" || body != Expected
            || request.Headers.Authorization?.ToString() != "Bearer sk_test_smoke123456" || !request.Headers.Contains("Idempotency-Key"))
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("unexpected request: " + request.RequestUri + " " + body) };
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"object":"account_link","created":1700000000,"expires_at":1700000300,"url":"https://connect.stripe.com/setup/s/smoke"}""", Encoding.UTF8, "application/json"),
        };
        response.Headers.Add("Request-Id", "req_smoke");
        return response;
    }
}
CS

cd "$scratch/app"
dotnet add package Stripe.Connect.Client --version "$version"
if [ -f "$out/Stripe.Connect.Client.Testing.$version.nupkg" ]; then
  dotnet add package Stripe.Connect.Client.Testing --version "$version"
fi
dotnet build -c Release
# The ReadyToRun copy is what a net10.0 app runs on linux-x64 (docs/benchmarks.md, cold start).
grep -q '"runtimes/linux-x64/lib/net10.0/Stripe.Connect.Client.dll"' bin/Release/net10.0/Smoke.deps.json \
  || fail "the app does not list the package's ReadyToRun assembly for linux-x64"
dotnet run -c Release --no-build -f net10.0
echo "pack smoke: OK (Stripe.Connect.Client $version)"
