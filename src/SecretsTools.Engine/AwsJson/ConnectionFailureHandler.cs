using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SecretsTools.AwsJson;

/// <summary>
/// Outermost pipeline handler: once the SDK's retry handler has given up on a request that never got
/// an HTTP response, replaces the bare transport exception ("An error occurred while sending the
/// request.") with the service's <see cref="AwsJsonConnectionException"/> naming the operation and endpoint.
/// Service errors and caller cancellation pass through untouched.
/// </summary>
internal sealed class ConnectionFailureHandler : PipelineHandler
{
    private readonly AwsJsonService _service;

    public ConnectionFailureHandler(AwsJsonService service) => _service = service;

    public override void InvokeSync(IExecutionContext executionContext)
    {
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception ex) when (IsTransportFailure(executionContext, ex))
        {
            throw Wrap(executionContext, ex);
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(executionContext, ex))
        {
            throw Wrap(executionContext, ex);
        }
    }

    private static bool IsTransportFailure(IExecutionContext executionContext, Exception ex) => ex switch
    {
        AmazonServiceException or AmazonClientException => false,
        OperationCanceledException => !executionContext.RequestContext.CancellationToken.IsCancellationRequested,
        HttpRequestException or IOException or SocketException or WebException or TimeoutException => true,
        _ => false,
    };

    private AwsJsonConnectionException Wrap(IExecutionContext executionContext, Exception ex)
    {
        var requestContext = executionContext.RequestContext;
        string operation = OperationName(requestContext.RequestName) ?? _service.DisplayName;
        Uri? endpoint = requestContext.Request?.Endpoint;
        int retries = requestContext.Retries;
        string where = endpoint is null ? _service.DisplayName : endpoint.GetLeftPart(UriPartial.Authority);
        string message = $"The {operation} request to {where} got no response: {Describe(ex)} " +
                         $"(retried {retries} time{(retries == 1 ? "" : "s")}).";
        return _service.CreateConnectionException(message, ex, operation, endpoint, retries);
    }

    /// <summary>A one-line cause, from the innermost exception that says something specific.</summary>
    internal static string Describe(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "the connection was refused",
                    SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                        "the connection was closed by the server before a complete response arrived",
                    SocketError.HostNotFound or SocketError.NoData => "the host name could not be resolved",
                    SocketError.TimedOut => "the connection timed out",
                    _ => $"socket error {socket.SocketErrorCode}",
                };
            }
        }
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or OperationCanceledException) return "the request timed out";
            if (e is IOException && e.GetType().Name == "HttpIOException")
                return "the connection was closed by the server before a complete response arrived";
        }
        var innermost = ex;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return innermost.Message.TrimEnd('.');
    }

    /// <summary>"GetSecretValueRequest" becomes "GetSecretValue".</summary>
    private static string? OperationName(string? requestName) =>
        requestName is null ? null :
        requestName.EndsWith("Request", StringComparison.Ordinal) ? requestName[..^"Request".Length] : requestName;
}
