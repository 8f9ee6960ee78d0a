using System.Threading;
using System.Threading.Tasks;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.SecretsManager;

/// <summary>
/// One method per Secrets Manager API operation (API version 2017-10-17). Each sends the
/// operation's request through the SDK pipeline; see the API reference for what each does.
/// </summary>
internal partial class SecretsManagerClient
{
    public Task<CreateSecretResponse> CreateSecretAsync(CreateSecretRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<CreateSecretResponse>("CreateSecret", request, cancellationToken);

    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<GetSecretValueResponse>("GetSecretValue", request, cancellationToken);

    public Task<BatchGetSecretValueResponse> BatchGetSecretValueAsync(BatchGetSecretValueRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<BatchGetSecretValueResponse>("BatchGetSecretValue", request, cancellationToken);

    public Task<PutSecretValueResponse> PutSecretValueAsync(PutSecretValueRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<PutSecretValueResponse>("PutSecretValue", request, cancellationToken);

    public Task<UpdateSecretResponse> UpdateSecretAsync(UpdateSecretRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<UpdateSecretResponse>("UpdateSecret", request, cancellationToken);

    public Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<DescribeSecretResponse>("DescribeSecret", request, cancellationToken);

    public Task<ListSecretsResponse> ListSecretsAsync(ListSecretsRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<ListSecretsResponse>("ListSecrets", request, cancellationToken);

    public Task<ListSecretVersionIdsResponse> ListSecretVersionIdsAsync(ListSecretVersionIdsRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<ListSecretVersionIdsResponse>("ListSecretVersionIds", request, cancellationToken);

    public Task<DeleteSecretResponse> DeleteSecretAsync(DeleteSecretRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<DeleteSecretResponse>("DeleteSecret", request, cancellationToken);

    public Task<RestoreSecretResponse> RestoreSecretAsync(RestoreSecretRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<RestoreSecretResponse>("RestoreSecret", request, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<TagResourceResponse>("TagResource", request, cancellationToken);

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<UntagResourceResponse>("UntagResource", request, cancellationToken);

    public Task<UpdateSecretVersionStageResponse> UpdateSecretVersionStageAsync(UpdateSecretVersionStageRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<UpdateSecretVersionStageResponse>("UpdateSecretVersionStage", request, cancellationToken);

    public Task<GetRandomPasswordResponse> GetRandomPasswordAsync(GetRandomPasswordRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<GetRandomPasswordResponse>("GetRandomPassword", request, cancellationToken);

    public Task<RotateSecretResponse> RotateSecretAsync(RotateSecretRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<RotateSecretResponse>("RotateSecret", request, cancellationToken);

    public Task<CancelRotateSecretResponse> CancelRotateSecretAsync(CancelRotateSecretRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<CancelRotateSecretResponse>("CancelRotateSecret", request, cancellationToken);

    public Task<GetResourcePolicyResponse> GetResourcePolicyAsync(GetResourcePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<GetResourcePolicyResponse>("GetResourcePolicy", request, cancellationToken);

    public Task<PutResourcePolicyResponse> PutResourcePolicyAsync(PutResourcePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<PutResourcePolicyResponse>("PutResourcePolicy", request, cancellationToken);

    public Task<DeleteResourcePolicyResponse> DeleteResourcePolicyAsync(DeleteResourcePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<DeleteResourcePolicyResponse>("DeleteResourcePolicy", request, cancellationToken);

    public Task<ValidateResourcePolicyResponse> ValidateResourcePolicyAsync(ValidateResourcePolicyRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<ValidateResourcePolicyResponse>("ValidateResourcePolicy", request, cancellationToken);

    public Task<ReplicateSecretToRegionsResponse> ReplicateSecretToRegionsAsync(ReplicateSecretToRegionsRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<ReplicateSecretToRegionsResponse>("ReplicateSecretToRegions", request, cancellationToken);

    public Task<RemoveRegionsFromReplicationResponse> RemoveRegionsFromReplicationAsync(RemoveRegionsFromReplicationRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<RemoveRegionsFromReplicationResponse>("RemoveRegionsFromReplication", request, cancellationToken);

    public Task<StopReplicationToReplicaResponse> StopReplicationToReplicaAsync(StopReplicationToReplicaRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<StopReplicationToReplicaResponse>("StopReplicationToReplica", request, cancellationToken);
}
