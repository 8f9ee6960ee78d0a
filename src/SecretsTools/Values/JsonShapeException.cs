using System;

namespace SecretsTools.Values;

/// <summary>
/// A value that cannot become JSON for a reason with its own ErrorId (a cycle, too deep, text
/// UTF-8 cannot carry). An ArgumentException, so callers that already turn "JSON cannot hold
/// this" into a per-item error keep doing so; they take the ErrorId from here.
/// </summary>
internal sealed class JsonShapeException : ArgumentException
{
    public JsonShapeException(string errorId, string message) : base(message) => ErrorId = errorId;

    public string ErrorId { get; }
}
