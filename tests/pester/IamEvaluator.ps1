# Evaluates IAM policies with a third-party evaluator, @cloud-copilot/iam-simulate (npm, test-only,
# in tests/node/iam; build.ps1 Test runs `npm ci` there). Dot-source this file, then:
#
#   Invoke-IamEvaluator -Policies $identityPolicy[, ...] [-ResourcePolicy $policy] [-Principal ARN] -Requests @(
#       @{ action = 'secretsmanager:GetSecretValue'; resource = 'arn:...'; context = @{ 'kms:ViaService' = '...' } }
#       # optional per request: principal, accountId, resourcePolicy
#   )
#
# Policies are JSON strings or objects (hashtables, ordered dictionaries, ConvertFrom-Json output).
# Returns the evaluator's answer: .results (one per request, in order: action, resource, principal,
# decision = Allowed | ImplicitlyDenied | ExplicitlyDenied | Error, allowed, errors), .unknownActions
# (actions in the policies that iam-data does not know) and .actions (per action in the policies:
# exists, wildcardOnly = AWS authorizes it on '*' only). See tests/node/iam/evaluate.mjs.

function Invoke-IamEvaluator {
    param(
        [Parameter(Mandatory)] [object[]] $Policies,
        [object] $ResourcePolicy,
        [string] $Principal,
        [string] $AccountId,
        [Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Requests
    )
    $folder = Join-Path $PSScriptRoot '../node/iam'
    if (-not (Test-Path (Join-Path $folder 'node_modules/@cloud-copilot/iam-simulate'))) {
        throw "The IAM evaluator is not installed: run 'npm ci' in $folder (build.ps1 Test does)."
    }
    function ConvertTo-Document($policy) { if ($policy -is [string]) { $policy | ConvertFrom-Json -AsHashtable } else { $policy } }
    $batch = [ordered]@{ policies = @($Policies | ForEach-Object { ConvertTo-Document $_ }); requests = @($Requests) }
    if ($ResourcePolicy) { $batch.resourcePolicy = ConvertTo-Document $ResourcePolicy }
    if ($Principal) { $batch.principal = $Principal }
    if ($AccountId) { $batch.accountId = $AccountId }
    $json = $batch | ConvertTo-Json -Depth 20 -Compress
    $output = $json | & node (Join-Path $folder 'evaluate.mjs')
    if ($LASTEXITCODE -ne 0) { throw "evaluate.mjs failed (exit code $LASTEXITCODE): $output" }
    return ($output -join "`n") | ConvertFrom-Json
}
